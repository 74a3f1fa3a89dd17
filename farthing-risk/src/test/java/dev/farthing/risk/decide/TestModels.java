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

    static RiskModel amountStump(List<String> featureNames) throws Exception {
        int amount = featureNames.indexOf("amount");
        ObjectMapper json = new ObjectMapper();
        JsonNode xgb = json.readTree("""
                {"learner": {
                  "objective": {"name": "binary:logistic"},
                  "learner_model_param": {"num_feature": "%d", "base_score": "5E-1"},
                  "gradient_booster": {"name": "gbtree", "model": {"trees": [{
                    "left_children": [1, -1, -1], "right_children": [2, -1, -1],
                    "split_indices": [%d, 0, 0], "split_conditions": [500.0, -2.0, 2.0],
                    "default_left": [1, 0, 0], "split_type": [0, 0, 0]}]}}}}
                """.formatted(featureNames.size(), amount));
        return RiskModel.create(featureNames, xgb, null, json.createObjectNode(), Instant.EPOCH);
    }
}
