-- Dynamometer cards checked once, at ingest. The ingest reads every card anyway; where it can say for certain that a
-- card is well formed for the DQ card check (stage.fnc_dq_defecto_carta: a JSON object with numeric position/load
-- arrays of equal length >= 20 and a stroke), it stores how far the loop is from closing, as a fraction of the spans.
-- The DQ phase then passes a card whose stored closure is within the rule's tolerance without parsing it again, and
-- checks every other card (no verdict, a changed text, a closure near the tolerance) in SQL as before. A verdict lives
-- and dies with its production row.
CREATE TABLE stage.tbl_carta_verificada (
    well_id           text             NOT NULL,
    timestamp_lectura timestamptz      NOT NULL,
    columna           text             NOT NULL,
    carta_md5         uuid             NOT NULL,
    cierre            double precision NOT NULL CHECK (cierre >= 0),
    CONSTRAINT tbl_carta_verificada_pk PRIMARY KEY (well_id, timestamp_lectura, columna),
    CONSTRAINT tbl_carta_verificada_fk FOREIGN KEY (well_id, timestamp_lectura)
        REFERENCES stage.tbl_pozo_produccion (well_id, timestamp_lectura) ON DELETE CASCADE
);
COMMENT ON TABLE stage.tbl_carta_verificada IS 'Cards the ingest found well formed: the loop closure per card, so DQ need not parse them again';
COMMENT ON COLUMN stage.tbl_carta_verificada.columna IS 'The stage column holding the card (a FORMATO rule''s column)';
COMMENT ON COLUMN stage.tbl_carta_verificada.carta_md5 IS 'md5 of the card text the verdict is about: a card rewritten since has no verdict';
COMMENT ON COLUMN stage.tbl_carta_verificada.cierre IS 'max(|first - last| / span) over position and load: the smallest tolerance the card passes';
