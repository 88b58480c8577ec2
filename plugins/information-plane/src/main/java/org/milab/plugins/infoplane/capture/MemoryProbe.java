package org.milab.plugins.infoplane.capture;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Memory readings taken while capturing, so that the cost of a capture is measured where it happens: the JVM heap in
 * use (after the snapshot's arrays are released to the collector, an upper bound on what the capture keeps) and,
 * on Linux, the process's resident-set high-water mark {@code VmHWM} from {@code /proc/self/status} (heap, native
 * tensors and code together).
 */
final class MemoryProbe {

    private MemoryProbe() {
    }

    /** Heap in use, MiB. */
    static double heapMiB() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** The resident-set high-water mark, MiB, where the OS reports it. */
    static OptionalDouble residentPeakMiB() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return OptionalDouble.of(Long.parseLong(kb) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }
}
