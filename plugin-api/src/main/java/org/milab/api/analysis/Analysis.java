package org.milab.api.analysis;

import java.util.List;
import org.milab.api.Inputs;
import org.milab.api.MilabExtension;
import org.milab.api.Port;
import org.milab.api.RunContext;

/**
 * Extension point for an analysis: it consumes other nodes' results (estimates, training results, datasets) through
 * declared ports and produces tables, figures and verdicts. Its output port is {@code result}.
 */
public interface Analysis extends MilabExtension {

    /** The input ports. */
    List<Port> inputs();

    /** Runs the analysis. */
    AnalysisResult analyse(Inputs inputs, RunContext ctx);
}
