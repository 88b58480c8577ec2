package org.milab.api.train;

import java.util.List;
import org.milab.api.Inputs;
import org.milab.api.MilabExtension;
import org.milab.api.Port;
import org.milab.api.RunContext;

/**
 * Extension point for a way of training one or more models (supervised, cross-modal distillation, balanced
 * multimodal, information bottleneck). Its inputs are declared as ports; its output port is {@code result}.
 */
public interface TrainingStrategy extends MilabExtension {

    /** The input ports, e.g. {@code dataset} and an optional {@code teacher}. */
    List<Port> inputs();

    /** Trains and returns the result. Reports metrics per step or epoch through {@code ctx}. */
    TrainingResult train(Inputs inputs, RunContext ctx);
}
