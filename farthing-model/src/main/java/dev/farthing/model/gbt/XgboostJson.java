package dev.farthing.model.gbt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads XGBoost's JSON model format ({@code Booster.toByteArray("json")}, {@code save_model("m.json")}) into a
 * {@link TreeEnsemble}. Only what scoring needs is read: {@code learner.gradient_booster.model.trees[]}
 * (split_indices, split_conditions, left/right_children, default_left, and sum_hessian, the node cover that
 * TreeSHAP needs; a model without it scores but cannot be explained) and
 * {@code learner.learner_model_param.base_score}, which XGBoost stores in probability space for logistic
 * objectives and converts to a margin with the logit.
 */
public final class XgboostJson {

    private XgboostJson() {
    }

    public static TreeEnsemble read(JsonNode model) {
        JsonNode learner = require(model, "learner");
        String objective = require(require(learner, "objective"), "name").asText();
        if (!objective.equals("binary:logistic")) {
            throw new IllegalArgumentException("unsupported XGBoost objective '" + objective
                    + "': only binary:logistic models can be scored");
        }
        JsonNode booster = require(learner, "gradient_booster");
        if (!"gbtree".equals(booster.path("name").asText())) {
            throw new IllegalArgumentException("unsupported XGBoost booster '" + booster.path("name").asText()
                    + "': only gbtree");
        }
        JsonNode params = require(learner, "learner_model_param");
        int featureCount = Integer.parseInt(require(params, "num_feature").asText());
        JsonNode trees = require(require(booster, "model"), "trees");
        int total = 0;
        for (JsonNode tree : trees) {
            total += require(tree, "left_children").size();
        }
        Builder builder = new Builder(trees.size(), total);
        for (JsonNode tree : trees) {
            builder.add(tree);
        }
        float baseMargin = logit(baseScore(require(params, "base_score")));
        return new TreeEnsemble(builder.roots, builder.feature, builder.threshold, builder.left, builder.right,
                builder.missing, builder.allCovered ? builder.cover : null, baseMargin, featureCount);
    }

    /** base_score is a string, e.g. "4.5E-1", or (newer releases) a one-element vector "[4.5E-1]". */
    static float baseScore(JsonNode node) {
        String text = node.isArray() ? node.get(0).asText() : node.asText().trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1).trim();
        }
        if (text.contains(",")) {
            throw new IllegalArgumentException("multi-target base_score not supported: " + text);
        }
        float p = Float.parseFloat(text);
        if (!(p > 0f && p < 1f)) {
            throw new IllegalArgumentException("base_score " + p + " is not a probability in (0, 1)");
        }
        return p;
    }

    static float logit(float p) {
        return (float) -Math.log(1.0 / p - 1.0);
    }

    static JsonNode require(JsonNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child == null || child.isNull()) {
            throw new IllegalArgumentException("XGBoost model JSON lacks '" + field + "'");
        }
        return child;
    }

    /** Appends trees to the flat arrays, rebasing child indices by the tree's offset. */
    private static final class Builder {
        final int[] roots;
        final int[] feature;
        final float[] threshold;
        final int[] left;
        final int[] right;
        final int[] missing;
        final float[] cover;
        /** False once a tree lacks {@code sum_hessian}: then the ensemble scores but cannot be explained. */
        boolean allCovered = true;
        int next;
        int treeCount;

        Builder(int trees, int nodes) {
            roots = new int[trees];
            feature = new int[nodes];
            threshold = new float[nodes];
            left = new int[nodes];
            right = new int[nodes];
            missing = new int[nodes];
            cover = new float[nodes];
        }

        void add(JsonNode tree) {
            JsonNode lefts = require(tree, "left_children");
            JsonNode rights = require(tree, "right_children");
            JsonNode indices = require(tree, "split_indices");
            JsonNode conditions = require(tree, "split_conditions");
            JsonNode defaults = require(tree, "default_left");
            JsonNode types = tree.path("split_type");
            JsonNode hessians = tree.path("sum_hessian");
            int size = lefts.size();
            allCovered &= hessians.isArray() && hessians.size() == size;
            if (rights.size() != size || indices.size() != size || conditions.size() != size
                    || defaults.size() != size) {
                throw new IllegalArgumentException("tree " + tree.path("id").asText() + ": node arrays differ in length");
            }
            int offset = next;
            roots[treeCount++] = offset;
            for (int i = 0; i < size; i++) {
                int n = offset + i;
                threshold[n] = (float) conditions.get(i).asDouble();
                if (allCovered) {
                    cover[n] = (float) hessians.get(i).asDouble();
                }
                int l = lefts.get(i).asInt();
                if (l == -1) {
                    feature[n] = TreeEnsemble.LEAF;
                    continue;
                }
                if (types.size() > i && types.get(i).asInt() != 0) {
                    throw new IllegalArgumentException("categorical splits are not supported");
                }
                feature[n] = indices.get(i).asInt();
                left[n] = offset + l;
                right[n] = offset + rights.get(i).asInt();
                boolean defaultLeft = defaults.get(i).isBoolean() ? defaults.get(i).asBoolean()
                        : defaults.get(i).asInt() != 0;
                missing[n] = defaultLeft ? left[n] : right[n];
            }
            next += size;
        }
    }
}
