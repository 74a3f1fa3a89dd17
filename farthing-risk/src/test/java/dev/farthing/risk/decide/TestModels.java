package dev.farthing.risk.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.model.RiskModel;

import java.time.Instant;
import java.util.List;

/** A one-split XGBoost model written by hand: fraud = sigmoid(+2) when amount >= 500, sigmoid(-2) below. */
final class TestModels {
    static final double HIGH = 1 / (1 + Math.exp(-2));
    static final double LOW = 1 / (1 + Math.exp(2));

    private TestModels() {
    }

    /** A model that scores every payment sigmoid(margin), whatever its features. */
    static RiskModel constant(List<String> featureNames, double margin) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode xgb = json.readTree("""
                {"learner": {
                  "objective": {"name": "binary:logistic"},
                  "learner_model_param": {"num_feature": "%d", "base_score": "5E-1"},
                  "gradient_booster": {"name": "gbtree", "model": {"trees": [{
                    "left_children": [-1], "right_children": [-1],
                    "split_indices": [0], "split_conditions": [%s],
                    "default_left": [0], "split_type": [0]}]}}}}
                """.formatted(featureNames.size(), margin));
        return RiskModel.create(featureNames, xgb, null, json.createObjectNode(), Instant.EPOCH);
    }

    /**
     * The same stump with node covers 100 / 75 / 25: expected margin -1 (bias), so TreeSHAP gives amount +3
     * log-odds at or above 500 and -1 below.
     */
    static RiskModel coveredAmountStump(List<String> featureNames) throws Exception {
        return stump(featureNames, ", \"sum_hessian\": [100.0, 75.0, 25.0]");
    }

    static RiskModel amountStump(List<String> featureNames) throws Exception {
        return stump(featureNames, "");
    }

    private static RiskModel stump(List<String> featureNames, String cover) throws Exception {
        int amount = featureNames.indexOf("amount");
        ObjectMapper json = new ObjectMapper();
        JsonNode xgb = json.readTree("""
                {"learner": {
                  "objective": {"name": "binary:logistic"},
                  "learner_model_param": {"num_feature": "%d", "base_score": "5E-1"},
                  "gradient_booster": {"name": "gbtree", "model": {"trees": [{
                    "left_children": [1, -1, -1], "right_children": [2, -1, -1],
                    "split_indices": [%d, 0, 0], "split_conditions": [500.0, -2.0, 2.0],
                    "default_left": [1, 0, 0], "split_type": [0, 0, 0]%s}]}}}}
                """.formatted(featureNames.size(), amount, cover));
        return RiskModel.create(featureNames, xgb, null, json.createObjectNode(), Instant.EPOCH);
    }
}
