package com.bp010.cards;

/**
 * One stroke of a dynamometer card: position (in, or 0-1 when normalised) against load (lbf, or 0-1), in time order,
 * with an optional time array (s) and strokes per minute. 20 to 1,000 points.
 */
public record Card(double[] position, double[] load, double[] time, Double spm, CardKind kind) {
    public static final int MIN_POINTS = 20;
    public static final int MAX_POINTS = 1000;

    public Card {
        if (position == null || load == null) {
            throw new CardInputException("a card needs both position and load arrays");
        }
        if (position.length != load.length) {
            throw new CardInputException("position has " + position.length + " points and load " + load.length
                    + ": the arrays must have the same length");
        }
        if (position.length < MIN_POINTS || position.length > MAX_POINTS + 1) {
            throw new CardInputException("a card has " + position.length + " points: 20 to 1,000 are accepted");
        }
        if (time != null && time.length != position.length) {
            throw new CardInputException("time has " + time.length + " points and position " + position.length);
        }
        for (int i = 0; i < position.length; i++) {
            if (!Double.isFinite(position[i]) || !Double.isFinite(load[i])) {
                throw new CardInputException("point " + i + " of the card is not a finite number");
            }
            if (time != null && (!Double.isFinite(time[i]) || (i > 0 && time[i] <= time[i - 1]))) {
                throw new CardInputException("time must increase strictly; it does not at point " + i);
            }
        }
        if (spm != null && !(spm > 0.2 && spm < 40)) {
            throw new CardInputException("spm " + spm + " is outside 0.2-40");
        }
        if (kind == null) {
            kind = CardKind.SURFACE;
        }
    }

    public static Card surface(double[] position, double[] load, Double spm) {
        return new Card(position, load, null, spm, CardKind.SURFACE);
    }

    public static Card pump(double[] position, double[] load) {
        return new Card(position, load, null, null, CardKind.PUMP);
    }

    public int size() {
        return position.length;
    }

    /** Both axes within [0, 1]: a card digitised from a chart image, whose quantities with units are unknown. */
    public boolean normalised() {
        return within01(position) && within01(load);
    }

    private static boolean within01(double[] v) {
        for (double x : v) {
            if (x < -0.05 || x > 1.05) {
                return false;
            }
        }
        return true;
    }
}
