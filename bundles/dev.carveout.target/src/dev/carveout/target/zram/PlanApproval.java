package dev.carveout.target.zram;

import dev.carveout.zram.DeploymentPlan;

/** Shows the plan (the exact commands) before anything changes; false stops the deployment. */
@FunctionalInterface
public interface PlanApproval {

	boolean approve(DeploymentPlan plan);

	PlanApproval ALWAYS = plan -> true;
}
