package com.bp010.cards;

/**
 * The entry point: a card (surface or pump, in units or normalised to 0-1) and, optionally, the well. A surface card
 * with a well and a time base becomes a pump card by {@link EverittJenningsSolver} and is diagnosed on it; a pump card
 * is diagnosed as it is; a surface card without the well data is diagnosed on its own shape (basis SURFACE). The
 * damping is the well's setting; without one, when the well gives the measured rate and intake pressure, the power
 * balance's ({@link DampingEstimator}), which the diagnosis states as its last reason; else the default ν = 0.05.
 */
public final class CardAnalyzer {
    private final EverittJenningsSolver solver;
    private final DampingEstimator damping;

    public CardAnalyzer() {
        this(new EverittJenningsSolver());
    }

    public CardAnalyzer(EverittJenningsSolver solver) {
        this.solver = solver;
        this.damping = new DampingEstimator(solver);
    }

    public CardAnalysis analyse(Card card, WellDescription well) {
        boolean units = !card.normalised();
        Double spm = card.spm() != null ? card.spm() : well == null ? null : well.spm();
        if (card.kind() == CardKind.PUMP) {
            CardFeatures f = CardFeatureExtractor.extract(card.position(), card.load(), units, units ? well : null,
                    spm, null);
            return new CardAnalysis(new PumpCard(card.position(), card.load(), null), CardDiagnoser.diagnosePump(f));
        }
        if (units && well != null && (spm != null || card.time() != null)) {
            DampingEstimator.Estimate estimate = null;
            WellDescription solved = well;
            if (well.dampingPerS() == null && well.measuredRateBblD() != null && well.intakePressurePsi() != null) {
                estimate = damping.powerBalance(card, well, well.measuredRateBblD(), well.intakePressurePsi());
                solved = well.withDamping(estimate.dampingPerS());
            }
            PumpCard pump = solver.solve(card, solved);
            CardFeatures f = CardFeatureExtractor.extract(pump.position(), pump.load(), true, solved,
                    spm != null ? spm : 60 / TimeBase.period(card, null), pump.surfaceStrokeIn());
            Diagnosis d = CardDiagnoser.diagnosePump(f);
            return new CardAnalysis(pump, estimate == null ? d : d.withReason(dampingReason(estimate)));
        }
        CardFeatures f = CardFeatureExtractor.extract(card.position(), card.load(), false, null, null, null);
        return new CardAnalysis(null, CardDiagnoser.diagnoseSurface(f));
    }

    static String dampingReason(DampingEstimator.Estimate e) {
        if (e.converged()) {
            return String.format(java.util.Locale.ROOT, "damping %.3f 1/s by the power balance: the pump card delivers"
                    + " the %.2f hp hydraulic power of the %.2f hp at the polished rod", e.dampingPerS(), e.hydraulicHp(),
                    e.surfaceHp());
        }
        return String.format(java.util.Locale.ROOT, "damping %.3f 1/s, the default (the power balance did not settle: %s)",
                e.dampingPerS(), e.note());
    }
}
