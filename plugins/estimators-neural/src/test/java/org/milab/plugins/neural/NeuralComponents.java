package org.milab.plugins.neural;

import org.milab.api.MilabExtension;
import org.milab.plugins.neural.bound.AlphaInfoNce;
import org.milab.plugins.neural.bound.Club;
import org.milab.plugins.neural.bound.Dv;
import org.milab.plugins.neural.bound.InfoNce;
import org.milab.plugins.neural.bound.Js;
import org.milab.plugins.neural.bound.Mine;
import org.milab.plugins.neural.bound.Nwj;
import org.milab.plugins.neural.bound.Smile;
import org.milab.plugins.neural.bound.Tuba;
import org.milab.plugins.neural.critic.BaselineCritic;
import org.milab.plugins.neural.critic.BilinearCritic;
import org.milab.plugins.neural.critic.GaussianConditional;
import org.milab.plugins.neural.critic.JointCritic;
import org.milab.plugins.neural.critic.SeparableCritic;

/** Every bound and critic of this plugin, for {@code TestRunContext.withComponents}. */
final class NeuralComponents {

    private NeuralComponents() {
    }

    static MilabExtension[] all() {
        return new MilabExtension[] {new Dv(), new Mine(), new Nwj(), new Tuba(), new InfoNce(), new Js(),
            new Smile(), new AlphaInfoNce(), new Club(), new SeparableCritic(), new JointCritic(),
            new BilinearCritic(), new GaussianConditional(), new BaselineCritic()};
    }
}
