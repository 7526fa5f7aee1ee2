package com.bp010.cards;

/**
 * The load the pump puts on the bottom of the rods as the plunger moves, for the forward model. The barrel holds
 * liquid (a stiff spring {@code kf}: liquid compressibility, plus the tubing when unanchored), free gas (isothermal,
 * p·V constant) or vapour (no resistance: the plunger falls through it, then pounds the liquid). Pressures are
 * fractions of the discharge pressure; the load is Fo·(1 − p)/(1 − r), r the intake ratio. The standing valve opens
 * when the load would exceed the upstroke bound (Fo less the traveling-valve and worn-pump leaks), admitting liquid up
 * to the stroke's fillage and then gas or vapour; the traveling valve opens when it would fall below the downstroke
 * bound (the standing-valve leak's share), expelling gas first. Friction adds ±F against the motion; past a stop the
 * plunger meets a stiff spring (tagging).
 */
final class PumpLoadLaw {
    private final PumpBehaviour b;
    private final double fo;
    private final double kf;
    private final double khit;
    private final double eps;
    double topLimit = Double.POSITIVE_INFINITY;
    double bottomLimit = Double.NEGATIVE_INFINITY;
    private boolean up = true;
    private double zBot;
    private double zTop;
    private double zBotRunning;
    private double stroke;
    private double load;
    private double zPrev;
    private double budget;
    private double vapour;
    private double gas;
    private final double dt;
    private final double frictionSpeed;

    PumpLoadLaw(PumpBehaviour behaviour, double fluidLoad, double stiffness, double strokeGuessIn, double dt,
                double periodS) {
        this.dt = dt;
        // friction is Coulomb's smoothed over 3 % of the plunger's peak speed (an explicit scheme chatters on a step)
        this.frictionSpeed = 0.03 * strokeGuessIn * Math.PI / periodS;
        this.b = behaviour;
        this.fo = fluidLoad;
        this.kf = stiffness;
        this.khit = hitStiffness(fluidLoad);
        this.stroke = strokeGuessIn;
        // a reversal counts once the plunger is back 10 % of a stroke: rod vibrations near the ends are not strokes
        this.eps = Math.max(0.05, 0.1 * strokeGuessIn);
        this.budget = behaviour.fillage() * strokeGuessIn;
    }

    /** The stop the plunger tags: a spring that takes Fo over half an inch. */
    static double hitStiffness(double fluidLoad) {
        return fluidLoad / 0.5;
    }

    /** The load (lbf) at plunger position z (in, upward). */
    double load(double z) {
        double dz = z - zPrev;
        zPrev = z;
        track(z);
        double frac = up ? clamp((z - zBot) / stroke) : clamp((zTop - z) / stroke);
        double hi = up ? fo * (1 - b.tvLeak() * frac - b.wornPump() * Math.sin(Math.PI * frac)) : fo * (1 - b.tvLeak());
        double lo = up ? 0 : fo * b.svLeak() * frac;
        if (b.gasIntakeRatio() > 0) {
            gasStep(dz, hi);
        } else {
            vapourStep(dz, hi);
        }
        load = Math.max(lo, Math.min(hi, load));
        double hit = 0;
        if (z > topLimit) {
            hit = khit * (z - topLimit);
        } else if (z < bottomLimit) {
            hit = -khit * (bottomLimit - z);
        }
        return load + b.frictionLbf() * Math.tanh(dz / dt / frictionSpeed) + hit;
    }

    private void vapourStep(double dz, double hi) {
        if (dz < 0 && vapour > 0) {
            double use = Math.min(vapour, -dz);
            vapour -= use;
            dz += use;
        }
        load += kf * dz;
        if (load > hi) {
            double extra = (load - hi) / kf;
            load = hi;
            double liquid = Math.min(budget, extra);
            budget -= liquid;
            vapour += extra - liquid;
        }
    }

    private void gasStep(double dz, double hi) {
        double r = b.gasIntakeRatio();
        if (gas <= 0) {
            load += kf * dz;
            if (load > hi) {
                double extra = (load - hi) / kf;
                load = hi;
                double liquid = Math.min(budget, extra);
                budget -= liquid;
                gas = r * (extra - liquid);
            }
            return;
        }
        double p = Math.max(r, Math.min(1, 1 - (1 - r) * load / fo));
        double volume = gas / p + dz;
        if (volume <= 1e-9) {
            gas = 0;
            return;
        }
        p = gas / volume;
        if (p < r) {
            double extra = volume - gas / r;
            double liquid = Math.min(budget, extra);
            budget -= liquid;
            gas = r * (volume - liquid);
            p = r;
        } else if (p > 1) {
            gas = volume;
            p = 1;
        }
        load = fo * (1 - p) / (1 - r);
    }

    private void track(double z) {
        if (up) {
            zTop = Math.max(zTop, z);
            if (z < zTop - eps) {
                up = false;
                stroke = Math.max(zTop - zBot, eps);
                zBotRunning = z;
                budget = b.fillage() * stroke;
            }
        } else {
            zBotRunning = Math.min(zBotRunning, z);
            if (z > zBotRunning + eps) {
                up = true;
                zBot = zBotRunning;
                zTop = z;
                if (b.gasIntakeRatio() > 0 && b.clearanceGas() > 0) {
                    gas = Math.max(gas, b.clearanceGas() * stroke);
                }
            }
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
