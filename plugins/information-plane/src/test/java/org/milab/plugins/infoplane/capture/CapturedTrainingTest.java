package org.milab.plugins.infoplane.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.Inputs;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Samples;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.models.Mlp;

public class CapturedTrainingTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new CapturedTraining();
    }

    /** Trains the given network on the 8-bit task and returns the result; the context stays open in {@code keep}. */
    public static TrainingResult train(Map<String, Object> params, TestRunContext[] keep) {
        TestRunContext ctx = TestRunContext.of(new CapturedTraining(), 3, params).withComponents(new Mlp());
        keep[0] = ctx;
        return new CapturedTraining().train(Inputs.of(Map.of("dataset", TinyTask.eightBit())), ctx);
    }

    @Test
    void everyLayerOfEverySeedIsStreamedAtEveryScheduledEpoch() throws Exception {
        TestRunContext[] ctx = new TestRunContext[1];
        TrainingResult r = train(Map.of("model", "mlp(hidden=[6, 4, 3], activation=tanh)", "epochs", 30,
                "snapshots", 4, "seeds", 2, "learning-rate", 0.01, "batch-size", 32), ctx);
        ctx[0].close();
        CaptureReader reader = CaptureReader.open(CaptureHandle.folder(r));
        int epochs = CaptureSchedule.logSpaced(30, 4).epochs().length;
        // 3 hidden layers + the softmax output, per seed and captured epoch
        assertEquals(2 * epochs * 4, reader.snapshots().size());
        Snapshot last = reader.snapshots().get(reader.snapshots().size() - 1);
        assertEquals(List.of(1, 30, 4, "output", 256, 2), List.of(last.seed(), last.epoch(), last.layer(), last.name(),
                last.rows(), last.cols()));
        assertEquals(256L * 2 * 4, Files.size(last.file()), "float32 rows x units");
        Samples softmax = CaptureReader.load(last);
        for (int row = 0; row < softmax.rows(); row++) {
            assertEquals(1, softmax.get(row, 0) + softmax.get(row, 1), 1e-5, "softmax rows sum to 1");
        }
        Samples hidden = CaptureReader.load(reader.snapshots().get(0));
        assertEquals(6, hidden.cols());
        for (double v : hidden.toRowMajor()) {
            assertTrue(Math.abs(v) <= 1, "tanh units lie in [-1, 1]");
        }
        assertTrue(r.metrics().get("train-accuracy") > 0.8, "the network learns: " + r.metrics());
        assertEquals(256, r.representations().get(CaptureHandle.PROBE_X).rows());
    }

    @Test
    void theSameSeedGivesTheSameActivations() throws Exception {
        Map<String, Object> p = Map.of("model", "mlp(hidden=[3])", "epochs", 3, "snapshots", 2, "seeds", 1);
        TestRunContext[] a = new TestRunContext[1];
        TestRunContext[] b = new TestRunContext[1];
        Path fa = CaptureHandle.folder(train(p, a));
        Path fb = CaptureHandle.folder(train(p, b));
        a[0].close();
        b[0].close();
        List<Snapshot> sa = CaptureReader.open(fa).snapshots();
        List<Snapshot> sb = CaptureReader.open(fb).snapshots();
        assertArrayEquals(Files.readAllBytes(sa.get(sa.size() - 1).file()), Files.readAllBytes(sb.get(sb.size() - 1)
                .file()));
    }

    @Test
    void aMalformedManifestIsReportedWithItsLine() throws Exception {
        Path dir = Files.createTempDirectory("capture");
        Files.writeString(dir.resolve(CaptureWriter.MANIFEST), CaptureWriter.HEADER + "\n0,1,x,hidden1,4,2,f.f32\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> CaptureReader.open(dir));
        assertTrue(e.getMessage().contains("manifest.csv:2"), e.getMessage());
    }
}
