package dev.farthing.model;

import java.util.ArrayList;
import java.util.List;

/** A model trained on other features than the engine produces; the message names the first differences. */
public final class FeatureMismatchException extends IllegalStateException {

    public FeatureMismatchException(String version, List<String> model, List<String> engine) {
        super(describe(version, model, engine));
    }

    private static String describe(String version, List<String> model, List<String> engine) {
        List<String> missing = new ArrayList<>(model);
        missing.removeAll(engine);
        List<String> extra = new ArrayList<>(engine);
        extra.removeAll(model);
        StringBuilder s = new StringBuilder("model_feature_mismatch: model ").append(version).append(" was trained on ")
                .append(model.size()).append(" features, the engine produces ").append(engine.size());
        if (!missing.isEmpty()) {
            s.append("; unknown to the engine: ").append(head(missing));
        }
        if (!extra.isEmpty()) {
            s.append("; not in the model: ").append(head(extra));
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            s.append("; same names in a different order");
        }
        return s.append(". Retrain the model on the current feature schema.").toString();
    }

    private static String head(List<String> names) {
        return names.size() <= 5 ? names.toString() : names.subList(0, 5) + " and " + (names.size() - 5) + " more";
    }
}
