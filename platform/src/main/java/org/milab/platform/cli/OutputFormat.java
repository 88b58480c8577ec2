package org.milab.platform.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|json} option, shared by commands that can print for machines. */
final class OutputFormat {

    /** Output formats. */
    enum Format { TEXT, JSON }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format = Format.TEXT;

    boolean json() {
        return format == Format.JSON;
    }
}
