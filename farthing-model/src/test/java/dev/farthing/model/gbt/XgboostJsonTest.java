package dev.farthing.model.gbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-written XGBoost JSON: split semantics, base score, and refusal of malformed models. */
class XgboostJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tree: x0 < 0.5 ? (x1 < 2 ? 0.1 : 0.2) : -0.3, missing x0 goes right, missing x1 goes left. */
    static ObjectNode model(String baseScore) throws Exception {
        return (ObjectNode) JSON.readTree("""
            {"learner":{"gradient_booster":{"name":"gbtree","model":{"trees":[{
              "left_children":[1,3,-1,-1,-1],"right_children":[2,4,-1,-1,-1],
              "split_indices":[0,1,0,0,0],"split_conditions":[0.5,2.0,-0.3,0.1,0.2],
              "default_left":[0,1,0,0,0],"split_type":[0,0,0,0,0]}]}},
             "learner_model_param":{"base_score":"%s","num_feature":"2"},
             "objective":{"name":"binary:logistic"}}}""".formatted(baseScore));
    }

    @Test
    void walksSplitsWithStrictLessThanAndDefaultDirections() throws Exception {
        TreeEnsemble trees = XgboostJson.read(model("5E-1"));
        assertThat(trees.margin(new double[] {0.4, 1.0})).isCloseTo(0.1, within(1e-7));
        assertThat(trees.margin(new double[] {0.4, 2.0})).as("equal to threshold goes right").isCloseTo(0.2, within(1e-7));
        assertThat(trees.margin(new double[] {0.5, 1.0})).isCloseTo(-0.3, within(1e-7));
        assertThat(trees.margin(new double[] {Double.NaN, 1.0})).as("missing x0 -> right").isCloseTo(-0.3, within(1e-7));
        assertThat(trees.margin(new double[] {0.0, Double.NaN})).as("missing x1 -> left").isCloseTo(0.1, within(1e-7));
        assertThat(trees.predict(new double[] {0.4, 1.0})).isCloseTo(1 / (1 + Math.exp(-0.1)), within(1e-7));
    }

    @Test
    void baseScoreIsAProbabilityTurnedIntoAMargin() throws Exception {
        double logit = Math.log(0.2 / 0.8);
        assertThat(XgboostJson.read(model("2E-1")).margin(new double[] {0.4, 1.0})).isCloseTo(0.1 + logit, within(1e-6));
        assertThat(XgboostJson.read(model("[2E-1]")).margin(new double[] {0.4, 1.0})).isCloseTo(0.1 + logit, within(1e-6));
    }

    @Test
    void refusesWrongWidthAndMalformedModels() throws Exception {
        TreeEnsemble trees = XgboostJson.read(model("5E-1"));
        assertThatThrownBy(() -> trees.margin(new double[3])).hasMessageContaining("expects 2");

        ObjectNode cyclic = model("5E-1");
        ArrayNode lefts = (ArrayNode) tree(cyclic).get("left_children");
        lefts.set(1, 0);
        assertThatThrownBy(() -> XgboostJson.read(cyclic)).hasMessageContaining("reached twice");

        ObjectNode badFeature = model("5E-1");
        ((ArrayNode) tree(badFeature).get("split_indices")).set(0, 7);
        assertThatThrownBy(() -> XgboostJson.read(badFeature)).hasMessageContaining("feature index 7");

        ObjectNode regression = model("5E-1");
        ((ObjectNode) regression.get("learner").get("objective")).put("name", "reg:squarederror");
        assertThatThrownBy(() -> XgboostJson.read(regression)).hasMessageContaining("binary:logistic");

        assertThatThrownBy(() -> XgboostJson.read(model("1.5"))).hasMessageContaining("not a probability");
    }

    private static ObjectNode tree(JsonNode model) {
        return (ObjectNode) model.get("learner").get("gradient_booster").get("model").get("trees").get(0);
    }
}
