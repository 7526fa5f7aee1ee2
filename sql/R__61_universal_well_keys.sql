-- BP010: the well of an expert's verdict (universal.validacion_experta.well_id, V8), filled from its diagnosis when the
-- ML side's writer leaves it out (or moves a verdict to another diagnosis without it), so their contract
-- (diagnostico_id, clase_validada, es_correcto, ...) is unchanged.
-- A verdict naming a well other than its diagnosis's is refused by the foreign key (well_id, diagnostico_id).
-- A database sharded by well has no room for this trigger (docs/SCALE.md): there the writers send well_id themselves.
CREATE OR REPLACE FUNCTION universal.fnc_validacion_well() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.well_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.well_id IS NOT DISTINCT FROM OLD.well_id) THEN
        SELECT d.well_id INTO NEW.well_id FROM universal.diagnostico d WHERE d.diagnostico_id = NEW.diagnostico_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER trg_validacion_well
    BEFORE INSERT OR UPDATE OF diagnostico_id ON universal.validacion_experta
    FOR EACH ROW
    EXECUTE FUNCTION universal.fnc_validacion_well();
