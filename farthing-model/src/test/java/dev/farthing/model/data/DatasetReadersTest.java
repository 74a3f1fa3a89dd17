package dev.farthing.model.data;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetReadersTest {

    @TempDir
    Path dir;

    @Test
    void paySimReadsBalanceMechanicsAndSteps() throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, """
                step,type,amount,nameOrig,oldbalanceOrg,newbalanceOrig,nameDest,oldbalanceDest,newbalanceDest,isFraud,isFlaggedFraud
                1,TRANSFER,181.0,C1,181.0,0.0,C2,0.0,0.0,1,0
                26,PAYMENT,9839.64,C3,170136.0,160296.36,M4,0.0,0.0,0,0
                """);
        StampedDataset stamped = PaySimReader.readStamped(file);
        Dataset d = stamped.data();
        assertThat(d.featureNames()).isEqualTo(PaySimFeatures.names());
        assertThat(d.featureNames()).startsWith("type_cash_in", "type_cash_out", "type_debit", "type_payment",
                "type_transfer");
        assertThat(d.rows()[0]).containsExactly(PaySimFeatures.of(1, "TRANSFER", 181.0, 181.0, 0.0, "C2", 0.0, 0.0));
        assertThat(d.rows()[1][3]).isEqualTo(1.0);
        assertThat(d.rows()[1][d.featureNames().indexOf("hour_of_day")]).isEqualTo(2.0);
        assertThat(d.labels()).containsExactly(1, 0);
        assertThat(stamped.times()).containsExactly(1, 26);
        Files.writeString(file, "step,type,amount,nameOrig,oldbalanceOrg,newbalanceOrig,nameDest,oldbalanceDest,newbalanceDest,isFraud,isFlaggedFraud\n"
                + "1.5,TRANSFER,181.0,C1,181.0,0.0,C2,0.0,0.0,1,0\n");
        assertThatThrownBy(() -> PaySimReader.read(file)).hasMessageContaining("line 2").hasMessageContaining("step");
        Files.writeString(file, "step,type,amount,nameOrig,oldbalanceOrg,newbalanceOrig,nameDest,oldbalanceDest,newbalanceDest,isFraud,isFlaggedFraud\n"
                + "1,TRANSFER,-5,C1,181.0,0.0,C2,0.0,0.0,1,0\n");
        assertThatThrownBy(() -> PaySimReader.read(file)).hasMessageContaining("line 2").hasMessageContaining("amount");
    }

    @Test
    void badInputNamesFileAndLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "step,type,amount,nameOrig,oldbalanceOrg,newbalanceOrig,nameDest,oldbalanceDest,newbalanceDest,isFraud,isFlaggedFraud\n"
                + "1,TRANSFER,181.0,C1,181.0,0.0,C2,0.0,0.0,1,0\n"
                + "1,WIRE,1,C1,1,0,C2,0,0,0,0\n");
        assertThatThrownBy(() -> PaySimReader.read(file)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("WIRE");
        Files.writeString(file, "Time,V1\n1,2\n");
        assertThatThrownBy(() -> UlbReader.read(file)).hasMessageContaining("lacks column 'V2'");
        Path ulb = dir.resolve("u.csv");
        StringBuilder header = new StringBuilder("Time");
        for (int i = 1; i <= 28; i++) header.append(",V").append(i);
        Files.writeString(ulb, header + ",Amount,Class\n" + "0" + ",0".repeat(28) + ",abc,0\n");
        assertThatThrownBy(() -> UlbReader.read(ulb)).hasMessageContaining("line 2").hasMessageContaining("Amount");
        Files.writeString(ulb, header + ",Amount,Class\n" + "0" + ",0".repeat(28) + ",1,2\n");
        assertThatThrownBy(() -> UlbReader.read(ulb)).hasMessageContaining("must be 0 or 1");
    }

    @Test
    void splitIsDisjointCompleteStratifiedAndReproducible() {
        int n = 1000;
        double[][] rows = new double[n][1];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i][0] = i;
            labels[i] = i % 20 == 0 ? 1 : 0;
        }
        Dataset data = new Dataset(java.util.List.of("id"), rows, labels, null);
        DatasetSplit a = DatasetSplit.of(data, 0.3, 11);
        DatasetSplit b = DatasetSplit.of(data, 0.3, 11);
        DatasetSplit c = DatasetSplit.of(data, 0.3, 12);
        assertThat(a.testIndices()).isEqualTo(b.testIndices());
        assertThat(a.testIndices()).isNotEqualTo(c.testIndices());
        Set<Integer> seen = new HashSet<>();
        for (int i : a.trainIndices()) assertThat(seen.add(i)).isTrue();
        for (int i : a.testIndices()) assertThat(seen.add(i)).as("row %d in both parts", i).isTrue();
        assertThat(seen).hasSize(n);
        assertThat(a.test().size()).isEqualTo(300);
        assertThat(a.test().positives()).isEqualTo(15);
        assertThat(a.train().positives()).isEqualTo(35);
        assertThat(a.test().rows()[0][0]).isLessThan(a.test().rows()[1][0]);
    }

    @Test
    void realSamplesReadWhenPresent() throws Exception {
        Path shared = Path.of(System.getProperty("farthing.shared.dir", "../shared"), "data", "fraud");
        Assumptions.assumeTrue(Files.isDirectory(shared), "shared fraud data not found at " + shared + "; skipping");
        Dataset paysim = PaySimReader.read(shared.resolve("paysim-sample.csv"));
        assertThat(paysim.size()).isEqualTo(12_651);
        assertThat(paysim.positives()).isEqualTo(325);
        Dataset ulb = UlbReader.read(shared.resolve("ulb-creditcard-sample.csv"));
        assertThat(ulb.size()).isEqualTo(3_265);
        assertThat(ulb.positives()).isEqualTo(492);
        assertThat(ulb.width()).isEqualTo(30);
    }
}
