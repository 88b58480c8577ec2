package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.milab.api.Inputs;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.kd.loss.HintonKd;
import org.milab.plugins.models.Mlp;

class KdScheduleTest {

    @Test
    void stagesCutTheEpochsEvenly() {
        KdSchedule warmUp = KdSchedule.of(List.of(0.0, 0.5, 1.0));
        double[] perEpoch = IntStream.rangeClosed(1, 6).mapToDouble(e -> warmUp.factor(e, 6)).toArray();
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1, 1}, perEpoch, 0.0);
        // 7 epochs in 3 stages: floor((e - 1) * 3 / 7) = 0, 0, 0, 1, 1, 2, 2
        double[] uneven = IntStream.rangeClosed(1, 7).mapToDouble(e -> warmUp.factor(e, 7)).toArray();
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 0.5, 1, 1}, uneven, 0.0);
        assertEquals(1.0, KdSchedule.of(List.of()).factor(3, 5), 0.0, "empty is constant");
    }

    private static TrainingResult kd(List<Double> schedule, double weight) {
        Map<String, Object> p = new HashMap<>(Map.of("model", "mlp(hidden=[8])", "epochs", 4, "labelled", 50,
                "kd-schedule", schedule));
        p.put("kd-weight", weight);
        try (TestRunContext ctx = TestRunContext.of(new CrossModalKd(), 21, p).withComponents(new Mlp(),
                new HintonKd())) {
            return new CrossModalKd().train(Inputs.of(Map.of("dataset", TinyData.twoViews(400, 0.7, 3))), ctx);
        }
    }

    @Test
    void aZeroScheduleIsWeightZeroAndAWarmUpChangesTraining() {
        double[] zero = kd(List.of(0.0), 1.0).representations().get("output").toRowMajor();
        double[] off = kd(List.of(1.0), 0.0).representations().get("output").toRowMajor();
        assertArrayEquals(off, zero, 0.0, "factor 0 in every stage is no distillation, bit for bit");
        double[] warm = kd(List.of(0.0, 1.0), 1.0).representations().get("output").toRowMajor();
        double[] constant = kd(List.of(1.0), 1.0).representations().get("output").toRowMajor();
        assertNotEquals(Double.doubleToLongBits(constant[0]) + Double.doubleToLongBits(constant[1]),
                Double.doubleToLongBits(warm[0]) + Double.doubleToLongBits(warm[1]),
                "two epochs without the distillation term must end elsewhere");
    }
}
