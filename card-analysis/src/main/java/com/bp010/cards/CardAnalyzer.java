package com.bp010.cards;

/**
 * The entry point: a card (surface or pump, in units or normalised to 0-1) and, optionally, the well. A surface card
 * with a well and a time base becomes a pump card by {@link EverittJenningsSolver} and is diagnosed on it; a pump card
 * is diagnosed as it is; a surface card without the well data is diagnosed on its own shape (basis SURFACE).
 */
public final class CardAnalyzer {
    private final EverittJenningsSolver solver;

    public CardAnalyzer() {
        this(new EverittJenningsSolver());
    }

    public CardAnalyzer(EverittJenningsSolver solver) {
        this.solver = solver;
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
            PumpCard pump = solver.solve(card, well);
            CardFeatures f = CardFeatureExtractor.extract(pump.position(), pump.load(), true, well,
                    spm != null ? spm : 60 / TimeBase.period(card, null), pump.surfaceStrokeIn());
            return new CardAnalysis(pump, CardDiagnoser.diagnosePump(f));
        }
        CardFeatures f = CardFeatureExtractor.extract(card.position(), card.load(), false, null, null, null);
        return new CardAnalysis(null, CardDiagnoser.diagnoseSurface(f));
    }
}
