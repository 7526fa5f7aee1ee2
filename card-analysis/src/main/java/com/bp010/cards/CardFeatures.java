package com.bp010.cards;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the diagnosis reads off a card. Shape features are dimensionless: positions as fractions of the gross stroke
 * from the bottom, loads as fractions v = (L − lower)/(upper − lower) of the card's two load levels. Quantities with
 * units are null on a normalised card or where the well needed for them is unknown.
 *
 * @param fillagePct    where the load falls through v = 0.5 on the downstroke, % of the gross stroke from the bottom
 * @param loadingSpan   stroke fraction over which the upstroke load rises from v = 0.1 to 0.9
 * @param unloadingSpan stroke fraction over which the downstroke load falls from v = 0.9 to 0.1
 * @param unloadingShape where in that fall v = 0.5 is reached (0.5: a straight slant; above: slow then fast, as gas)
 * @param upstrokeSag   v at 30 % of the upstroke minus v at 85 % (load lost toward the top)
 * @param midSag        mean of v at 20 % and 85 % of the upstroke minus v at 50 % (load lost mid-stroke)
 * @param downstrokeRise v at 15 % of the downstroke minus v at 60 % (load regained toward the bottom)
 * @param topSpike      highest v in the top 10 % of the stroke above the upstroke's highest v below 85 % (or 1)
 * @param bottomSpike   lowest v in the bottom 10 % below the downstroke's lowest v above 15 % (or 0), negated
 * @param areaRatio     card area over (upper − lower)·gross stroke
 * @param noise         robust spread (1.4826·MAD) of the load about its smoothed curve, in units of v
 * @param tubingStretchFraction the tubing stretch Fo·L/(E·At) over the gross stroke, when the well says unanchored
 */
public record CardFeatures(double fillagePct, double loadingSpan, double unloadingSpan, double unloadingShape,
                           double upstrokeSag, double midSag, double downstrokeRise, double topSpike,
                           double bottomSpike, double areaRatio, Double upperLoadLbf, Double lowerLoadLbf,
                           Double fluidLoadLbf, Double grossStrokeIn, Double netStrokeIn, Double strokeRatio,
                           Double maxFluidLoadLbf, Double pipPsi, Double displacementBblD, Double measuredRateBblD,
                           Double tubingStretchFraction, double noise) {

    /** Every feature by name, in a stable order (nulls kept), for output and reasons. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("fillagePct", round(fillagePct, 1));
        m.put("loadingSpan", round(loadingSpan, 3));
        m.put("unloadingSpan", round(unloadingSpan, 3));
        m.put("unloadingShape", round(unloadingShape, 3));
        m.put("upstrokeSag", round(upstrokeSag, 3));
        m.put("midSag", round(midSag, 3));
        m.put("downstrokeRise", round(downstrokeRise, 3));
        m.put("topSpike", round(topSpike, 3));
        m.put("bottomSpike", round(bottomSpike, 3));
        m.put("areaRatio", round(areaRatio, 3));
        m.put("upperLoadLbf", round(upperLoadLbf, 0));
        m.put("lowerLoadLbf", round(lowerLoadLbf, 0));
        m.put("fluidLoadLbf", round(fluidLoadLbf, 0));
        m.put("grossStrokeIn", round(grossStrokeIn, 2));
        m.put("netStrokeIn", round(netStrokeIn, 2));
        m.put("strokeRatio", round(strokeRatio, 3));
        m.put("maxFluidLoadLbf", round(maxFluidLoadLbf, 0));
        m.put("pipPsi", round(pipPsi, 0));
        m.put("displacementBblD", round(displacementBblD, 1));
        m.put("measuredRateBblD", round(measuredRateBblD, 1));
        m.put("tubingStretchFraction", round(tubingStretchFraction, 3));
        m.put("noise", round(noise, 3));
        return m;
    }

    static Double round(Double v, int decimals) {
        if (v == null || !Double.isFinite(v)) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
