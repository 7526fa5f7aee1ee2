-- BP010 family 2 (docs/SEED.md: V9__calculos_derivados_funciones): the physics of docs/DOMAIN.md as immutable SQL functions.
--
-- Conventions (every function below follows them):
-- * Plain double precision arguments in field units (psi, ft, in, lbf, bbl/d, Mscf/d, degF, kW, kWh, h, years).
-- * Configurable constants (gradient 0.433, pump constant 0.1166, buoyancy factor 0.128, HHP factors, PRHP divisor
--   396000, hp per kW 1.341022) are arguments: callers read them from referencial.config_evaluacion. Physical
--   constants of a formula itself (Vogel's 0.2/0.8, the gas law's 53.34 and 459.67) are written inline.
-- * NULL in -> NULL out, never a guess; a zero denominator gives NULL, never an error. Most functions are STRICT;
--   the IPR, Arps and range-guard functions test their arguments for NULL explicitly instead, so the planner inlines
--   them into the statements that evaluate them over many rows (forecasts, curves): ten times faster than a call per
--   row. (Inlining a well-level formula whose arguments are expressions would duplicate them: slower; the ones below
--   that fnc_calc_derivados evaluates get columns of its OFFSET 0 subqueries or of the row, see "Inlining".) Decline and IPR
--   inputs of any physical magnitude (any b >= 0, times of centuries, rates down to zero) never make a function raise:
--   overflow, underflow, the log of zero and the square root of a negative are guarded, giving 0 or NULL.
-- * Inlining: PostgreSQL inlines a STRICT SQL function only when its body is strict too; NULLIF, CASE and greatest()
--   are not, so such a function was called per row (~1.3 us a call; three to five calls per hour in the facts and
--   derived values). The formulas fnc_calc_derivados evaluates over many rows are therefore strict-bodied
--   (float8larger(0, x), which equals greatest(x, 0) for every x, -0 and NaN included) or, where a NULLIF is needed,
--   not STRICT and NULL by a CASE whenever any argument is NULL: the same result as STRICT, inlined.
-- * Pressures are gauge (psig) unless the name says abs; percentages are returned as percent (0-100), fractions
--   (water cut) are taken as fractions: callers convert stage's bsw (%) with bsw / 100.
-- * Depths are true vertical depths: callers pass the TVD where the well master has one.
-- Reading order: fluid properties, pressures, pump, rods, card, horsepower and energy, variance, IPR, Arps.

-- ---------------------------------------------------------------------------------------------------------------
-- Numeric guards
-- ---------------------------------------------------------------------------------------------------------------
-- exp(x) that neither underflows (PostgreSQL raises on underflow) nor overflows: 0 below -600, NULL above 700.
CREATE OR REPLACE FUNCTION stage.fnc_safe_exp(p_x double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_x < -600 THEN 0::double precision
                WHEN p_x > 700 THEN NULL
                ELSE exp(p_x) END
$$;
COMMENT ON FUNCTION stage.fnc_safe_exp(double precision) IS
    'exp(x) without range errors: 0 when x < -600, NULL when x > 700';

-- a / b without range errors: NULL when b = 0 or the quotient would overflow, 0 when it would underflow.
CREATE OR REPLACE FUNCTION stage.fnc_safe_div(p_a double precision, p_b double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_b = 0 THEN NULL
                WHEN p_a = 0 THEN 0::double precision
                WHEN ln(abs(p_a)) - ln(abs(p_b)) > 700 THEN NULL
                WHEN ln(abs(p_a)) - ln(abs(p_b)) < -700 THEN 0::double precision
                ELSE p_a / p_b END
$$;
COMMENT ON FUNCTION stage.fnc_safe_div(double precision, double precision) IS
    'a / b without range errors: NULL when b = 0 or |a/b| > e^700, 0 when |a/b| < e^-700';

-- ---------------------------------------------------------------------------------------------------------------
-- Fluid properties
-- ---------------------------------------------------------------------------------------------------------------
-- SGo = 141.5 / (131.5 + API)   [dimensionless; 35 API -> 0.849850]
CREATE OR REPLACE FUNCTION stage.fnc_calc_sg_oil(p_api double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE   -- not STRICT, so it is inlined (see "Inlining" above); NULL gives NULL
AS $$
    SELECT 141.5 / NULLIF(131.5 + p_api, 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_sg_oil(double precision) IS
    'Oil specific gravity from API gravity: SGo = 141.5 / (131.5 + API) [-]';

-- SGm = (1 - WC) * SGo + WC * SGw   [dimensionless; WC is a fraction 0-1]
CREATE OR REPLACE FUNCTION stage.fnc_calc_sg_mixture(p_sg_oil double precision, p_sg_water double precision,
                                                     p_water_cut_frac double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT (1 - p_water_cut_frac) * p_sg_oil + p_water_cut_frac * p_sg_water
$$;
COMMENT ON FUNCTION stage.fnc_calc_sg_mixture(double precision, double precision, double precision) IS
    'Mixture specific gravity: SGm = (1 - WC) * SGo + WC * SGw, WC as a fraction [-]';

-- G = gradient_water * SG   [psi/ft; gradient_water is the config constant 0.433 psi/ft]
CREATE OR REPLACE FUNCTION stage.fnc_calc_gradient(p_sg double precision, p_water_gradient double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_water_gradient * p_sg
$$;
COMMENT ON FUNCTION stage.fnc_calc_gradient(double precision, double precision) IS
    'Hydrostatic gradient: G = gradient_water (0.433 psi/ft, config) * SG [psi/ft]';

-- ---------------------------------------------------------------------------------------------------------------
-- Pump intake pressure, fluid level, bottom-hole pressure (acoustic fluid-level practice)
-- ---------------------------------------------------------------------------------------------------------------
-- PIP = Pc + Go * max(Dp - FL, 0)   [psig]. Oil-filled annulus above the pump, gas-column weight ignored. A fluid level
-- below the pump leaves no liquid over the intake: the submergence is 0, not negative.
CREATE OR REPLACE FUNCTION stage.fnc_calc_pip(p_casing_pressure double precision, p_oil_gradient double precision,
                                              p_pump_depth double precision, p_fluid_level double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_casing_pressure + p_oil_gradient * float8larger(0, p_pump_depth - p_fluid_level)
$$;
COMMENT ON FUNCTION stage.fnc_calc_pip(double precision, double precision, double precision, double precision) IS
    'Pump intake pressure from fluid level: PIP = Pc + Go * max(Dp - FL, 0); psig, psi/ft, ft, ft -> psig';

-- Pressure at the bottom of a static gas column: P_bottom = P_top_abs * exp(SGg * H / (53.34 * T_avg[degR] * Z))
-- [psia]; P_top_abs = Pc + p_atm, degR = degF + 459.67. 50 psig, SGg 0.7, 4,000 ft, 100 degF, Z 1 -> 71.062 psia.
CREATE OR REPLACE FUNCTION stage.fnc_calc_gas_column_pressure(p_casing_pressure double precision,
                                                              p_sg_gas double precision,
                                                              p_column_height double precision,
                                                              p_temp_avg_f double precision,
                                                              p_z double precision,
                                                              p_atm double precision DEFAULT 14.7)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT (p_casing_pressure + p_atm)
           * stage.fnc_safe_exp(p_sg_gas * p_column_height / NULLIF(53.34 * (p_temp_avg_f + 459.67) * p_z, 0))
$$;
COMMENT ON FUNCTION stage.fnc_calc_gas_column_pressure(double precision, double precision, double precision,
                                                       double precision, double precision, double precision) IS
    'Pressure at the foot of a static gas column: (Pc + p_atm) * exp(SGg * H / (53.34 * (T_avg + 459.67) * Z)); psig, -, ft, degF, - -> psia';

-- PIP with the gas-column correction: PIP = P_FL_abs - p_atm + Go * max(Dp - FL, 0)   [psig]; 424.347 psig on the
-- Oracle well of docs/DOMAIN.md §2.
CREATE OR REPLACE FUNCTION stage.fnc_calc_pip_gas_corrected(p_casing_pressure double precision,
                                                            p_oil_gradient double precision,
                                                            p_pump_depth double precision,
                                                            p_fluid_level double precision,
                                                            p_sg_gas double precision,
                                                            p_temp_avg_f double precision,
                                                            p_z double precision,
                                                            p_atm double precision DEFAULT 14.7)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT stage.fnc_calc_gas_column_pressure(p_casing_pressure, p_sg_gas, p_fluid_level, p_temp_avg_f, p_z, p_atm)
           - p_atm + p_oil_gradient * float8larger(0, p_pump_depth - p_fluid_level)
$$;
COMMENT ON FUNCTION stage.fnc_calc_pip_gas_corrected(double precision, double precision, double precision,
                                                     double precision, double precision, double precision,
                                                     double precision, double precision) IS
    'PIP with the gas-column weight: P_FL(abs) - p_atm + Go * max(Dp - FL, 0); psig, psi/ft, ft, ft, -, degF, - -> psig';

-- Inverse: FL = Dp - (PIP - Pc) / Go   [ft from surface]
CREATE OR REPLACE FUNCTION stage.fnc_calc_fluid_level(p_pip double precision, p_casing_pressure double precision,
                                                      p_oil_gradient double precision, p_pump_depth double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE   -- STRICT by its CASE, so it is inlined (see "Inlining" above)
AS $$
    SELECT CASE WHEN p_pip IS NOT NULL AND p_casing_pressure IS NOT NULL AND p_oil_gradient IS NOT NULL
                     AND p_pump_depth IS NOT NULL
                THEN p_pump_depth - (p_pip - p_casing_pressure) / NULLIF(p_oil_gradient, 0) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_fluid_level(double precision, double precision, double precision, double precision) IS
    'Fluid level from pump intake pressure: FL = Dp - (PIP - Pc) / Go; psig, psig, psi/ft, ft -> ft from surface';

-- PWF = PIP + Gm * (D_midperf - Dp)   [psig] (flowing bottom-hole pressure, FBHP)
CREATE OR REPLACE FUNCTION stage.fnc_calc_pwf(p_pip double precision, p_mixture_gradient double precision,
                                              p_midperf_depth double precision, p_pump_depth double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_pip + p_mixture_gradient * (p_midperf_depth - p_pump_depth)
$$;
COMMENT ON FUNCTION stage.fnc_calc_pwf(double precision, double precision, double precision, double precision) IS
    'Flowing bottom-hole pressure: PWF = PIP + Gm * (D_midperf - Dp); psig, psi/ft, ft, ft -> psig';

-- Pump discharge pressure: Pd = Pt + Gm * Dp   [psig] (liquid-filled tubing over the pump)
CREATE OR REPLACE FUNCTION stage.fnc_calc_discharge_pressure(p_tubing_pressure double precision,
                                                             p_mixture_gradient double precision,
                                                             p_pump_depth double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_tubing_pressure + p_mixture_gradient * p_pump_depth
$$;
COMMENT ON FUNCTION stage.fnc_calc_discharge_pressure(double precision, double precision, double precision) IS
    'Pump discharge pressure: Pd = Pt + Gm * Dp; psig, psi/ft, ft -> psig';

-- ---------------------------------------------------------------------------------------------------------------
-- Pump displacement and volumetric efficiency
-- ---------------------------------------------------------------------------------------------------------------
-- PD = k * D^2 * S * N   [bbl/d]; k = 0.1166 (config; exact pi/4 * 1440 / 9702 = 0.116571); D in, S in (plunger stroke
-- where known, else surface stroke), N strokes/min.
CREATE OR REPLACE FUNCTION stage.fnc_calc_pump_displacement(p_plunger_diameter double precision,
                                                            p_stroke double precision, p_spm double precision,
                                                            p_pump_constant double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_pump_constant * p_plunger_diameter * p_plunger_diameter * p_stroke * p_spm
$$;
COMMENT ON FUNCTION stage.fnc_calc_pump_displacement(double precision, double precision, double precision, double precision) IS
    'Pump displacement: PD = k * D^2 * S * N; in, in, spm, k (0.1166, config) -> bbl/d';

-- Ev = q / (PD * runtime / 24) * 100   [%]; no runtime (NULL or 0) -> NULL.
CREATE OR REPLACE FUNCTION stage.fnc_calc_volumetric_efficiency(p_liquid_rate double precision,
                                                                p_displacement double precision,
                                                                p_runtime_hours double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT 100 * p_liquid_rate / NULLIF(p_displacement * p_runtime_hours / 24, 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_volumetric_efficiency(double precision, double precision, double precision) IS
    'Pump volumetric efficiency: Ev = q / (PD * runtime_h / 24) * 100; bbl/d, bbl/d, h -> %';

-- Displaced volume of a period: V = (k / 1440) * D^2 * S * strokes   [bbl]; PD = k * D^2 * S * N is bbl/d at N strokes
-- per minute, so one stroke displaces k * D^2 * S / 1440 bbl.
CREATE OR REPLACE FUNCTION stage.fnc_calc_displaced_volume(p_plunger_diameter double precision,
                                                           p_stroke double precision, p_strokes double precision,
                                                           p_pump_constant double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_pump_constant / 1440 * p_plunger_diameter * p_plunger_diameter * p_stroke * p_strokes
$$;
COMMENT ON FUNCTION stage.fnc_calc_displaced_volume(double precision, double precision, double precision, double precision) IS
    'Displaced volume: V = k/1440 * D^2 * S * strokes; in, in, strokes, k (0.1166, config) -> bbl';

-- Strokes of a period: the stroke counter's delta where present, else the running SPM * 60 * runtime hours.
CREATE OR REPLACE FUNCTION stage.fnc_carreras_periodo(p_stroke_count double precision, p_spm_running double precision,
                                                  p_runtime_hours double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(p_stroke_count, p_spm_running * 60 * p_runtime_hours)
$$;
COMMENT ON FUNCTION stage.fnc_carreras_periodo(double precision, double precision, double precision) IS
    'Strokes of a period: stroke-counter delta, else running SPM * 60 * runtime h';

-- Volumetric efficiency of a period from its barrels and the volume its strokes displaced: Ev = 100 * bbl / V  [%]
-- (the same number as q / (PD * runtime / 24) when the strokes come from SPM and runtime); no volume -> NULL.
CREATE OR REPLACE FUNCTION stage.fnc_calc_volumetric_efficiency_volume(p_liquid_bbl double precision,
                                                                       p_displaced_bbl double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT 100 * p_liquid_bbl / NULLIF(p_displaced_bbl, 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_volumetric_efficiency_volume(double precision, double precision) IS
    'Pump volumetric efficiency of a period: 100 * liquid bbl / displaced bbl; bbl, bbl -> %';

-- Rate while running: q_run = q * 24 / runtime   [bbl/d]
CREATE OR REPLACE FUNCTION stage.fnc_calc_rate_while_running(p_rate double precision, p_runtime_hours double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_rate * 24 / NULLIF(p_runtime_hours, 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_rate_while_running(double precision, double precision) IS
    'Rate while the unit runs: q_run = q * 24 / runtime_h; bbl/d, h -> bbl/d';

-- ---------------------------------------------------------------------------------------------------------------
-- Rod string and loads
-- ---------------------------------------------------------------------------------------------------------------
-- Rod string weight in air from its tapers: Wr_air = sum(length_i * unit_weight_i)   [lbf]; arrays of equal length,
-- no NULL elements, otherwise NULL. 2,000 ft x 2.224 lb/ft + 3,000 ft x 1.634 lb/ft = 9,350 lbf.
CREATE OR REPLACE FUNCTION stage.fnc_calc_rod_weight_air(p_lengths double precision[], p_unit_weights double precision[])
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN cardinality(p_lengths) = cardinality(p_unit_weights) AND cardinality(p_lengths) > 0
                 AND array_position(p_lengths, NULL) IS NULL AND array_position(p_unit_weights, NULL) IS NULL
                THEN (SELECT sum(l * w) FROM unnest(p_lengths, p_unit_weights) AS t(l, w)) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_rod_weight_air(double precision[], double precision[]) IS
    'Rod string weight in air: sum(taper length_ft * unit weight_lb_per_ft) -> lbf';

-- Buoyancy factor = 1 - factor * SG   [-]; factor 0.128 (config; ~1/7.85 for steel).
CREATE OR REPLACE FUNCTION stage.fnc_calc_buoyancy_factor(p_sg_fluid double precision, p_buoyancy_factor double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT 1 - p_buoyancy_factor * p_sg_fluid
$$;
COMMENT ON FUNCTION stage.fnc_calc_buoyancy_factor(double precision, double precision) IS
    'Rod buoyancy factor: 1 - factor (0.128, config) * SG_fluid [-]';

-- Wrf = Wr_air * (1 - factor * SG)   [lbf]
CREATE OR REPLACE FUNCTION stage.fnc_calc_rod_weight_buoyant(p_rod_weight_air double precision,
                                                             p_sg_fluid double precision,
                                                             p_buoyancy_factor double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_rod_weight_air * (1 - p_buoyancy_factor * p_sg_fluid)
$$;
COMMENT ON FUNCTION stage.fnc_calc_rod_weight_buoyant(double precision, double precision, double precision) IS
    'Buoyant rod weight: Wrf = Wr_air * (1 - factor * SG_fluid); lbf, -, factor (0.128, config) -> lbf';

-- Ap = pi / 4 * D^2   [in^2]
CREATE OR REPLACE FUNCTION stage.fnc_calc_plunger_area(p_plunger_diameter double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pi() / 4 * p_plunger_diameter * p_plunger_diameter
$$;
COMMENT ON FUNCTION stage.fnc_calc_plunger_area(double precision) IS
    'Plunger area: Ap = pi / 4 * D^2; in -> in^2';

-- Fo = Ap * (Pd - PIP)   [lbf]: the fluid load the plunger lifts on the upstroke.
CREATE OR REPLACE FUNCTION stage.fnc_calc_fluid_load(p_plunger_diameter double precision,
                                                     p_discharge_pressure double precision,
                                                     p_pip double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT stage.fnc_calc_plunger_area(p_plunger_diameter) * (p_discharge_pressure - p_pip)
$$;
COMMENT ON FUNCTION stage.fnc_calc_fluid_load(double precision, double precision, double precision) IS
    'Fluid load on the plunger: Fo = pi/4 * D^2 * (Pd - PIP); in, psig, psig -> lbf';

-- Rod load (the seed's name, "road load", docs/SEED.md family 2): the static peak polished-rod load of the upstroke, buoyant rods plus fluid
-- load, PPRL_static = Wr_air * (1 - factor * SG) + pi/4 * D^2 * (Pd - PIP)   [lbf]. Dynamic and friction loads are
-- not included: the measured max_rod_load exceeds it by the dynamic factor (typically 10-40 %). 11,369.66 lbf on the
-- Oracle well of docs/DOMAIN.md §2 (8,174.81 + 3,194.85).
CREATE OR REPLACE FUNCTION stage.fnc_calc_road_load(p_rod_weight_air double precision, p_sg_fluid double precision,
                                                    p_buoyancy_factor double precision,
                                                    p_plunger_diameter double precision,
                                                    p_discharge_pressure double precision, p_pip double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT stage.fnc_calc_rod_weight_buoyant(p_rod_weight_air, p_sg_fluid, p_buoyancy_factor)
           + stage.fnc_calc_fluid_load(p_plunger_diameter, p_discharge_pressure, p_pip)
$$;
COMMENT ON FUNCTION stage.fnc_calc_road_load(double precision, double precision, double precision, double precision,
                                             double precision, double precision) IS
    'Static upstroke polished-rod load: Wr_air * (1 - factor * SG) + pi/4 * D^2 * (Pd - PIP); lbf, -, -, in, psig, psig -> lbf (no dynamic load)';

-- ---------------------------------------------------------------------------------------------------------------
-- Dynamometer card
-- ---------------------------------------------------------------------------------------------------------------
-- A card's geometry from its two arrays, in one pass over the points:
-- * stroke = max(position) - min(position) [in], peak and minimum load = max(load), min(load) [lbf] (NULL elements
--   ignored, as by max/min);
-- * area by the shoelace formula on the closed polygon (position_i, load_i):
--   A = |sum_i (x_i * y_{i+1} - x_{i+1} * y_i)| / 2, index wrapping to the first point   [lbf*in], the terms summed in
--   point order. Arrays of equal length, at least 3 points, one dimension, no NULL element; otherwise NULL. A repeated
--   closing point adds nothing.
-- Each point is read once, paired with the next one (the arrays shifted by one, the first point appended); arrays of
-- more than one dimension (no area) are read whole for their extremes. A table function of one row, so a caller's
-- LATERAL inlines it (a scalar function with a sub-select is not inlined).
CREATE OR REPLACE FUNCTION stage.fnc_card_geometry(p_position double precision[], p_load double precision[])
RETURNS TABLE (carrera_in double precision, carga_max double precision, carga_min double precision,
               area_lbf_in double precision)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1
AS $$
    SELECT max(u.x0) - min(u.x0), max(u.y0), min(u.y0),
           CASE WHEN cardinality(p_position) = cardinality(p_load) AND cardinality(p_position) >= 3
                 AND array_ndims(p_position) = 1 AND array_ndims(p_load) = 1
                 AND array_position(p_position, NULL) IS NULL AND array_position(p_load, NULL) IS NULL
                THEN abs(sum(u.x0 * u.y1 - u.x1 * u.y0)) / 2 END
      FROM unnest(CASE WHEN coalesce(array_ndims(p_position), 1) = 1 AND coalesce(array_ndims(p_load), 1) = 1
                       THEN p_position END,
                  CASE WHEN coalesce(array_ndims(p_position), 1) = 1 AND coalesce(array_ndims(p_load), 1) = 1
                       THEN p_load END,
                  CASE WHEN coalesce(array_ndims(p_position), 1) = 1 AND coalesce(array_ndims(p_load), 1) = 1
                       THEN p_position[array_lower(p_position, 1) + 1:] || p_position[array_lower(p_position, 1)] END,
                  CASE WHEN coalesce(array_ndims(p_position), 1) = 1 AND coalesce(array_ndims(p_load), 1) = 1
                       THEN p_load[array_lower(p_load, 1) + 1:] || p_load[array_lower(p_load, 1)] END)
           AS u(x0, y0, x1, y1)
    HAVING coalesce(array_ndims(p_position), 1) = 1 AND coalesce(array_ndims(p_load), 1) = 1
    UNION ALL
    SELECT (SELECT max(v) - min(v) FROM unnest(p_position) v), (SELECT max(v) FROM unnest(p_load) v),
           (SELECT min(v) FROM unnest(p_load) v), NULL
     WHERE NOT (coalesce(array_ndims(p_position), 1) = 1 AND coalesce(array_ndims(p_load), 1) = 1)
$$;
COMMENT ON FUNCTION stage.fnc_card_geometry(double precision[], double precision[]) IS
    'Dynamometer card geometry in one pass: stroke (max - min position, in), peak and minimum load (lbf), area by the shoelace formula (lbf*in)';

-- Card area (the shoelace formula above) alone.
CREATE OR REPLACE FUNCTION stage.fnc_calc_card_area(p_position double precision[], p_load double precision[])
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT g.area_lbf_in FROM stage.fnc_card_geometry(p_position, p_load) g
$$;
COMMENT ON FUNCTION stage.fnc_calc_card_area(double precision[], double precision[]) IS
    'Dynamometer card area by the shoelace formula on the closed (position in, load lbf) polygon -> lbf*in';

-- A card's array from its JSON text {"position": [...], "load": [...]}: NULL when the text is not JSON, the key is
-- missing or not an array, or an element is not a number.
CREATE OR REPLACE FUNCTION stage.fnc_card_array(p_card text, p_key text)
RETURNS double precision[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
    v_json jsonb;
BEGIN
    v_json := p_card::jsonb -> p_key;
    IF jsonb_typeof(v_json) IS DISTINCT FROM 'array'
       OR jsonb_path_exists(v_json, 'strict $[*] ? (@.type() != "number")') THEN
        RETURN NULL;
    END IF;
    -- A JSON array of numbers reads as a PostgreSQL array literal once its brackets are braces.
    RETURN translate(v_json::text, '[]', '{}')::double precision[];
EXCEPTION
    WHEN data_exception THEN
        RETURN NULL;
END
$$;
COMMENT ON FUNCTION stage.fnc_card_array(text, text) IS
    'Array p_key (position or load) of a card stored as JSON text; NULL when the card does not parse';

-- Both arrays of a card, its JSON text parsed once: the same values as fnc_card_array(p_card, 'position') and
-- fnc_card_array(p_card, 'load') (a card that fails anywhere, e.g. a number beyond double range, falls back to them, so
-- each array is NULL on its own terms). One JSON parse and one subtransaction per card instead of two.
CREATE OR REPLACE FUNCTION stage.fnc_card_arrays(p_card text, OUT p_position double precision[],
                                                 OUT p_load double precision[])
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
    v_card jsonb;
    v_pos  jsonb;
    v_load jsonb;
BEGIN
    v_card := p_card::jsonb;
    v_pos := v_card -> 'position';
    v_load := v_card -> 'load';
    IF jsonb_typeof(v_pos) = 'array' AND NOT jsonb_path_exists(v_pos, 'strict $[*] ? (@.type() != "number")') THEN
        p_position := translate(v_pos::text, '[]', '{}')::double precision[];
    END IF;
    IF jsonb_typeof(v_load) = 'array' AND NOT jsonb_path_exists(v_load, 'strict $[*] ? (@.type() != "number")') THEN
        p_load := translate(v_load::text, '[]', '{}')::double precision[];
    END IF;
EXCEPTION
    WHEN data_exception THEN
        p_position := stage.fnc_card_array(p_card, 'position');
        p_load := stage.fnc_card_array(p_card, 'load');
END
$$;
COMMENT ON FUNCTION stage.fnc_card_arrays(text) IS
    'Both arrays (position, load) of a card stored as JSON text, parsed once; each as fnc_card_array gives it';

-- PRHP = A * N / 396000   [hp]; A lbf*in, N spm, divisor 396000 (config: 33,000 ft*lbf/min/hp * 12 in/ft).
CREATE OR REPLACE FUNCTION stage.fnc_calc_prhp(p_card_area double precision, p_spm double precision,
                                               p_divisor double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE   -- STRICT by its CASE, so it is inlined (see "Inlining" above)
AS $$
    SELECT CASE WHEN p_card_area IS NOT NULL AND p_spm IS NOT NULL AND p_divisor IS NOT NULL
                THEN p_card_area * p_spm / NULLIF(p_divisor, 0) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_prhp(double precision, double precision, double precision) IS
    'Polished-rod horsepower: PRHP = card area * SPM / divisor (396000, config); lbf*in, spm -> hp';

-- ---------------------------------------------------------------------------------------------------------------
-- Hydraulic horsepower, system efficiency, energy intensity
-- ---------------------------------------------------------------------------------------------------------------
-- API form: HHP = factor * q * SG * L_net, L_net = fluid level (net lift)   [hp]; factor 7.36e-6 (config).
CREATE OR REPLACE FUNCTION stage.fnc_calc_hhp_api(p_rate double precision, p_sg double precision,
                                                  p_net_lift double precision, p_factor double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_factor * p_rate * p_sg * p_net_lift
$$;
COMMENT ON FUNCTION stage.fnc_calc_hhp_api(double precision, double precision, double precision, double precision) IS
    'Hydraulic horsepower, API form: HHP = factor (7.36e-6, config) * q * SG * L_net (L_net = FL); bbl/d, -, ft -> hp';

-- Pressure form: HHP = factor * q * dP_pump, dP_pump = Pd - PIP   [hp]; factor 1.7e-5 (config).
CREATE OR REPLACE FUNCTION stage.fnc_calc_hhp_pressure(p_rate double precision, p_delta_p double precision,
                                                       p_factor double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_factor * p_rate * p_delta_p
$$;
COMMENT ON FUNCTION stage.fnc_calc_hhp_pressure(double precision, double precision, double precision) IS
    'Hydraulic horsepower, pressure form: HHP = factor (1.7e-5, config) * q * (Pd - PIP); bbl/d, psi -> hp';

-- The seed's hydraulic horsepower (docs/SEED.md family 2, fnc_calc_hydralift): the definition named by config_evaluacion.hhp_definicion.
-- 'API' uses p_rate, p_sg, p_net_lift and p_factor_api; 'PRESION' (or 'PRESSURE') uses p_rate, p_delta_p and
-- p_factor_presion. Arguments the chosen form does not use may be NULL; a NULL or unknown definition gives NULL.
CREATE OR REPLACE FUNCTION stage.fnc_calc_hydralift(p_definicion text, p_rate double precision, p_sg double precision,
                                                    p_net_lift double precision, p_delta_p double precision,
                                                    p_factor_api double precision,
                                                    p_factor_presion double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE upper(btrim(p_definicion))
               WHEN 'API' THEN stage.fnc_calc_hhp_api(p_rate, p_sg, p_net_lift, p_factor_api)
               WHEN 'PRESION' THEN stage.fnc_calc_hhp_pressure(p_rate, p_delta_p, p_factor_presion)
               WHEN 'PRESSURE' THEN stage.fnc_calc_hhp_pressure(p_rate, p_delta_p, p_factor_presion)
           END
$$;
COMMENT ON FUNCTION stage.fnc_calc_hydralift(text, double precision, double precision, double precision,
                                             double precision, double precision, double precision) IS
    'Hydraulic horsepower by definition: API = f_api * q * SG * L_net, PRESION = f_p * q * (Pd - PIP); bbl/d, -, ft, psi -> hp';

-- Net lift of the API form with the wellhead pressures: L_net = FL + (Pt - Pc) / (gradient * SGm)   [ft]
CREATE OR REPLACE FUNCTION stage.fnc_calc_net_lift(p_fluid_level double precision, p_tubing_pressure double precision,
                                                   p_casing_pressure double precision, p_water_gradient double precision,
                                                   p_sg_mixture double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE   -- STRICT by its CASE, so it is inlined (see "Inlining" above)
AS $$
    SELECT CASE WHEN p_fluid_level IS NOT NULL AND p_tubing_pressure IS NOT NULL AND p_casing_pressure IS NOT NULL
                     AND p_water_gradient IS NOT NULL AND p_sg_mixture IS NOT NULL
                THEN p_fluid_level + (p_tubing_pressure - p_casing_pressure) / NULLIF(p_water_gradient * p_sg_mixture, 0)
           END
$$;
COMMENT ON FUNCTION stage.fnc_calc_net_lift(double precision, double precision, double precision, double precision,
                                            double precision) IS
    'Net lift with the wellhead pressures: FL + (Pt - Pc) / (gradient (0.433, config) * SGm); ft, psi, psi -> ft';

-- The form of hydraulic horsepower a row uses: AUTO (the default) is PRESION wherever PIP (measured or calculated) and
-- the discharge pressure exist, else API; PRESION/PRESSURE and API force one form. NULL definition -> NULL.
CREATE OR REPLACE FUNCTION stage.fnc_hhp_forma(p_definicion text, p_pip double precision, p_discharge double precision)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE upper(btrim(p_definicion))
               WHEN 'AUTO' THEN CASE WHEN p_pip IS NOT NULL AND p_discharge IS NOT NULL THEN 'PRESION' ELSE 'API' END
               WHEN 'PRESION' THEN 'PRESION'
               WHEN 'PRESSURE' THEN 'PRESION'
               WHEN 'API' THEN 'API'
           END
$$;
COMMENT ON FUNCTION stage.fnc_hhp_forma(text, double precision, double precision) IS
    'Hydraulic-horsepower form of a row: AUTO -> PRESION where PIP and discharge pressure exist, else API; PRESION or API forced';

-- System efficiency = HHP / (kW * hp_per_kW) * 100   [%]; hp per kW 1.341022 (config). Use the HHP of the rate while
-- running with the input power while running. kW <= 0 (stopped or regenerating) -> NULL.
CREATE OR REPLACE FUNCTION stage.fnc_calc_system_efficiency(p_hhp double precision, p_power_kw double precision,
                                                            p_hp_per_kw double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_power_kw > 0 THEN 100 * p_hhp / NULLIF(p_power_kw * p_hp_per_kw, 0) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_system_efficiency(double precision, double precision, double precision) IS
    'System (wire-to-water) efficiency: HHP / (kW * hp_per_kW (1.341022, config)) * 100; hp, kW -> % (NULL when kW <= 0)';

-- Energy intensity = kWh / bbl   [kWh/bbl]; no barrels -> NULL.
CREATE OR REPLACE FUNCTION stage.fnc_calc_kwh_per_bbl(p_energy_kwh double precision, p_barrels double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_barrels > 0 THEN p_energy_kwh / p_barrels END
$$;
COMMENT ON FUNCTION stage.fnc_calc_kwh_per_bbl(double precision, double precision) IS
    'Energy per barrel: kWh / bbl (NULL when bbl <= 0); kWh, bbl -> kWh/bbl';

-- ---------------------------------------------------------------------------------------------------------------
-- Variance against target
-- ---------------------------------------------------------------------------------------------------------------
-- variance_pct = (actual - target) / target * 100   [%]; target NULL or 0 -> NULL.
CREATE OR REPLACE FUNCTION stage.fnc_calc_variance(p_actual double precision, p_target double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT 100 * (p_actual - p_target) / NULLIF(p_target, 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_variance(double precision, double precision) IS
    'Variance against target: (actual - target) / target * 100 -> % (NULL when target is NULL or 0)';

-- ---------------------------------------------------------------------------------------------------------------
-- Inflow performance (IPR)
-- ---------------------------------------------------------------------------------------------------------------
-- Straight-line productivity index J = q / (Pr - Pwf)   [bbl/d/psi]; no drawdown -> NULL.
CREATE OR REPLACE FUNCTION stage.fnc_calc_productivity_index(p_rate double precision, p_pr double precision,
                                                             p_pwf double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_pr > p_pwf THEN p_rate / (p_pr - p_pwf) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_productivity_index(double precision, double precision, double precision) IS
    'Straight-line productivity index: J = q / (Pr - Pwf); bbl/d, psi, psi -> bbl/d/psi (NULL without drawdown)';

-- Vogel: q / qmax = 1 - 0.2 r - 0.8 r^2, r = Pwf / Pr. The dimensionless rate for r in [0, 1].
CREATE OR REPLACE FUNCTION stage.fnc_calc_vogel_ratio(p_pwf double precision, p_pr double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_pr > 0 AND p_pwf >= 0 AND p_pwf <= p_pr
                THEN 1 - 0.2 * (p_pwf / p_pr) - 0.8 * (p_pwf / p_pr) * (p_pwf / p_pr) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_vogel_ratio(double precision, double precision) IS
    'Vogel dimensionless rate q/qmax = 1 - 0.2 r - 0.8 r^2, r = Pwf / Pr (NULL outside 0 <= Pwf <= Pr)';

-- Vogel qmax from a test: qmax = q_test / (1 - 0.2 r - 0.8 r^2)   [bbl/d]
CREATE OR REPLACE FUNCTION stage.fnc_calc_vogel_qmax(p_q_test double precision, p_pwf_test double precision,
                                                     p_pr double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_q_test / NULLIF(stage.fnc_calc_vogel_ratio(p_pwf_test, p_pr), 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_vogel_qmax(double precision, double precision, double precision) IS
    'Vogel AOF from a test: qmax = q / (1 - 0.2 r - 0.8 r^2), r = Pwf/Pr; bbl/d, psi, psi -> bbl/d';

-- Vogel rate at a flowing pressure: q = qmax * (1 - 0.2 r - 0.8 r^2)   [bbl/d]
CREATE OR REPLACE FUNCTION stage.fnc_calc_vogel_q(p_qmax double precision, p_pwf double precision,
                                                  p_pr double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_qmax * stage.fnc_calc_vogel_ratio(p_pwf, p_pr)
$$;
COMMENT ON FUNCTION stage.fnc_calc_vogel_q(double precision, double precision, double precision) IS
    'Vogel rate: q = qmax * (1 - 0.2 r - 0.8 r^2), r = Pwf/Pr; bbl/d, psi, psi -> bbl/d';

-- Vogel flowing pressure for a rate: r = (-0.2 + sqrt(0.04 + 3.2 (1 - q/qmax))) / 1.6, Pwf = r * Pr   [psi];
-- NULL unless 0 <= q <= qmax.
CREATE OR REPLACE FUNCTION stage.fnc_calc_vogel_pwf(p_qmax double precision, p_q double precision,
                                                    p_pr double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_qmax > 0 AND p_q >= 0 AND p_q <= p_qmax
                THEN p_pr * (sqrt(0.04 + 3.2 * (1 - p_q / p_qmax)) - 0.2) / 1.6 END
$$;
COMMENT ON FUNCTION stage.fnc_calc_vogel_pwf(double precision, double precision, double precision) IS
    'Vogel inverse: Pwf = Pr * (sqrt(0.04 + 3.2 (1 - q/qmax)) - 0.2) / 1.6; bbl/d, bbl/d, psi -> psi (NULL unless 0 <= q <= qmax)';

-- Composite (Standing) IPR: straight line above the bubble point, Vogel below it. With Pb' = min(Pb, Pr) (a saturated
-- reservoir is all Vogel): qb = J (Pr - Pb'), qv = J Pb' / 1.8, qmax = qb + qv   [bbl/d]
CREATE OR REPLACE FUNCTION stage.fnc_calc_composite_qmax(p_j double precision, p_pr double precision,
                                                         p_pb double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_pr > 0 AND p_pb >= 0
                THEN p_j * (p_pr - least(p_pb, p_pr)) + p_j * least(p_pb, p_pr) / 1.8 END
$$;
COMMENT ON FUNCTION stage.fnc_calc_composite_qmax(double precision, double precision, double precision) IS
    'Composite IPR AOF: qmax = J (Pr - Pb) + J Pb / 1.8 (Pb capped at Pr); bbl/d/psi, psi, psi -> bbl/d';

-- Composite rate: Pwf >= Pb: q = J (Pr - Pwf); Pwf < Pb: q = qb + qv (1 - 0.2 (Pwf/Pb) - 0.8 (Pwf/Pb)^2)   [bbl/d]
CREATE OR REPLACE FUNCTION stage.fnc_calc_composite_q(p_j double precision, p_pr double precision,
                                                      p_pb double precision, p_pwf double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_pr <= 0 OR p_pb < 0 OR p_pwf < 0 OR p_pwf > p_pr THEN NULL
                WHEN p_pwf >= least(p_pb, p_pr) THEN p_j * (p_pr - p_pwf)
                ELSE p_j * (p_pr - least(p_pb, p_pr))
                     + p_j * least(p_pb, p_pr) / 1.8 * stage.fnc_calc_vogel_ratio(p_pwf, least(p_pb, p_pr)) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_composite_q(double precision, double precision, double precision, double precision) IS
    'Composite IPR rate: J (Pr - Pwf) above Pb, qb + J Pb / 1.8 * (1 - 0.2 Pwf/Pb - 0.8 (Pwf/Pb)^2) below; bbl/d/psi, psi, psi, psi -> bbl/d';

-- Composite flowing pressure for a rate (inverse of fnc_calc_composite_q)   [psi]; NULL unless 0 <= q <= qmax.
CREATE OR REPLACE FUNCTION stage.fnc_calc_composite_pwf(p_j double precision, p_pr double precision,
                                                        p_pb double precision, p_q double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_j <= 0 OR p_pr <= 0 OR p_pb < 0 OR p_q < 0 THEN NULL
                WHEN p_q <= p_j * (p_pr - least(p_pb, p_pr)) THEN p_pr - p_q / p_j
                ELSE stage.fnc_calc_vogel_pwf(p_j * least(p_pb, p_pr) / 1.8,
                                              p_q - p_j * (p_pr - least(p_pb, p_pr)), least(p_pb, p_pr)) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_composite_pwf(double precision, double precision, double precision, double precision) IS
    'Composite IPR inverse: Pwf for a rate q (straight line above Pb, Vogel below); bbl/d/psi, psi, psi, bbl/d -> psi';

-- Composite J from a test: above Pb J = q / (Pr - Pwf); below Pb J = q / ((Pr - Pb) + Pb / 1.8 * (1 - 0.2 r - 0.8 r^2)),
-- r = Pwf / Pb   [bbl/d/psi]
CREATE OR REPLACE FUNCTION stage.fnc_calc_composite_j(p_q_test double precision, p_pwf_test double precision,
                                                      p_pr double precision, p_pb double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_q_test / NULLIF(stage.fnc_calc_composite_q(1, p_pr, p_pb, p_pwf_test), 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_composite_j(double precision, double precision, double precision, double precision) IS
    'Composite IPR productivity index from a test (q, Pwf) with Pr and Pb; bbl/d, psi, psi, psi -> bbl/d/psi';

-- ---------------------------------------------------------------------------------------------------------------
-- Arps decline. Di is the nominal decline per year, t in years, rates in bbl/d, cumulatives in bbl (x 365 d/yr).
-- b < 1e-8 is exponential, |b - 1| < 1e-8 harmonic, anything else hyperbolic; b < 0 or Di < 0 -> NULL. Powers are
-- computed as exp(ln) through fnc_safe_exp, so no input overflows or underflows.
-- ---------------------------------------------------------------------------------------------------------------
-- The b exponent a model name implies: EXPONENCIAL -> 0, ARMONICO -> 1, HIPERBOLICO -> p_b.
CREATE OR REPLACE FUNCTION stage.fnc_arps_b(p_modelo text, p_b double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE upper(btrim(p_modelo))
               WHEN 'EXPONENCIAL' THEN 0::double precision
               WHEN 'EXPONENTIAL' THEN 0::double precision
               WHEN 'ARMONICO' THEN 1::double precision
               WHEN 'HARMONIC' THEN 1::double precision
               WHEN 'HIPERBOLICO' THEN p_b
               WHEN 'HYPERBOLIC' THEN p_b
           END
$$;
COMMENT ON FUNCTION stage.fnc_arps_b(text, double precision) IS
    'Arps b for a model name: EXPONENCIAL 0, ARMONICO 1, HIPERBOLICO b (NULL for an unknown model)';

-- Rate: exponential qi e^(-Di t); hyperbolic qi (1 + b Di t)^(-1/b); harmonic qi / (1 + Di t)   [bbl/d]
CREATE OR REPLACE FUNCTION stage.fnc_calc_arps_q(p_qi double precision, p_di double precision, p_b double precision,
                                                 p_t double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_qi < 0 OR p_di < 0 OR p_b < 0 OR p_t < 0 THEN NULL
                WHEN p_b < 1e-8 THEN p_qi * stage.fnc_safe_exp(-p_di * p_t)
                WHEN abs(p_b - 1) < 1e-8 THEN p_qi / (1 + p_di * p_t)
                ELSE p_qi * stage.fnc_safe_exp(-ln(1 + p_b * p_di * p_t) / p_b) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_arps_q(double precision, double precision, double precision, double precision) IS
    'Arps rate q(t): qi e^(-Di t) (b=0), qi / (1 + b Di t)^(1/b), qi / (1 + Di t) (b=1); bbl/d, 1/yr, -, yr -> bbl/d';

-- Cumulative to the time the rate is q (q <= qi)   [bbl]:
-- exponential 365 (qi - q) / Di; hyperbolic 365 qi^b / ((1 - b) Di) (qi^(1-b) - q^(1-b)); harmonic 365 qi / Di ln(qi/q).
-- Di = 0 never declines (NULL); q >= qi gives 0; q = 0 is finite for b < 1 only.
CREATE OR REPLACE FUNCTION stage.fnc_calc_arps_np_at_rate(p_qi double precision, p_di double precision,
                                                          p_b double precision, p_q double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_qi <= 0 OR p_di <= 0 OR p_b < 0 OR p_q < 0 THEN NULL
                WHEN p_q >= p_qi THEN 0::double precision
                WHEN p_b < 1e-8 THEN 365 * (p_qi - p_q) / p_di
                WHEN abs(p_b - 1) < 1e-8 THEN CASE WHEN p_q > 0 THEN 365 * p_qi / p_di * (ln(p_qi) - ln(p_q)) END
                WHEN p_q = 0 THEN CASE WHEN p_b < 1 THEN 365 * p_qi / ((1 - p_b) * p_di) END
                ELSE 365 * p_qi / ((1 - p_b) * p_di)
                     * (1 - stage.fnc_safe_exp((1 - p_b) * (ln(p_q) - ln(p_qi)))) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_arps_np_at_rate(double precision, double precision, double precision, double precision) IS
    'Arps cumulative to rate q: 365 (qi-q)/Di (b=0), 365 qi^b/((1-b) Di) (qi^(1-b) - q^(1-b)), 365 qi/Di ln(qi/q) (b=1); bbl/d, 1/yr, -, bbl/d -> bbl';

-- Cumulative at time t: Np(t) = Np_at_rate(q(t)); Di = 0 gives 365 qi t (NULL beyond 1e300)   [bbl]
CREATE OR REPLACE FUNCTION stage.fnc_calc_arps_np(p_qi double precision, p_di double precision, p_b double precision,
                                                  p_t double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_qi < 0 OR p_di < 0 OR p_b < 0 OR p_t < 0 THEN NULL
                WHEN p_qi = 0 THEN 0::double precision
                WHEN p_di = 0 THEN CASE WHEN p_t <= 1e300 / (365 * p_qi) THEN 365 * p_qi * p_t END
                WHEN p_b < 1e-8 THEN 365 * p_qi * (1 - stage.fnc_safe_exp(-p_di * p_t)) / p_di
                WHEN abs(p_b - 1) < 1e-8 THEN 365 * p_qi / p_di * ln(1 + p_di * p_t)
                ELSE 365 * p_qi / ((1 - p_b) * p_di)
                     * (1 - stage.fnc_safe_exp(-(1 - p_b) / p_b * ln(1 + p_b * p_di * p_t))) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_arps_np(double precision, double precision, double precision, double precision) IS
    'Arps cumulative at time t (the table of docs/DOMAIN.md with q = q(t)); bbl/d, 1/yr, -, yr -> bbl';

-- Time to the economic limit q_el   [years]: exponential ln(qi/q_el)/Di; hyperbolic ((qi/q_el)^b - 1)/(b Di);
-- harmonic (qi/q_el - 1)/Di. 0 when qi <= q_el (already at the limit); NULL when never reached (q_el <= 0 or Di = 0).
CREATE OR REPLACE FUNCTION stage.fnc_calc_arps_t_limit(p_qi double precision, p_di double precision,
                                                       p_b double precision, p_q_el double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_qi < 0 OR p_di < 0 OR p_b < 0 OR p_q_el <= 0 THEN NULL
                WHEN p_qi <= p_q_el THEN 0::double precision
                WHEN p_di = 0 THEN NULL
                WHEN p_b < 1e-8 THEN (ln(p_qi) - ln(p_q_el)) / p_di
                WHEN abs(p_b - 1) < 1e-8 THEN stage.fnc_safe_div(stage.fnc_safe_exp(ln(p_qi) - ln(p_q_el)) - 1, p_di)
                ELSE stage.fnc_safe_div(stage.fnc_safe_exp(p_b * (ln(p_qi) - ln(p_q_el))) - 1, p_b * p_di) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_arps_t_limit(double precision, double precision, double precision, double precision) IS
    'Arps time to the economic limit: ln(qi/q_el)/Di (b=0), ((qi/q_el)^b - 1)/(b Di), (qi/q_el - 1)/Di (b=1); bbl/d, 1/yr, -, bbl/d -> yr';

-- EUR = Np at q_el   [bbl]
CREATE OR REPLACE FUNCTION stage.fnc_calc_arps_eur(p_qi double precision, p_di double precision, p_b double precision,
                                                   p_q_el double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT stage.fnc_calc_arps_np_at_rate(p_qi, p_di, p_b, p_q_el)
$$;
COMMENT ON FUNCTION stage.fnc_calc_arps_eur(double precision, double precision, double precision, double precision) IS
    'Arps EUR: cumulative at the economic-limit rate q_el; bbl/d, 1/yr, -, bbl/d -> bbl';

-- Remaining = EUR - Np(t), never negative (past the economic limit nothing remains)   [bbl]
CREATE OR REPLACE FUNCTION stage.fnc_calc_arps_remaining(p_qi double precision, p_di double precision,
                                                         p_b double precision, p_q_el double precision,
                                                         p_t double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT greatest(stage.fnc_calc_arps_eur(p_qi, p_di, p_b, p_q_el) - stage.fnc_calc_arps_np(p_qi, p_di, p_b, p_t), 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_arps_remaining(double precision, double precision, double precision,
                                                  double precision, double precision) IS
    'Arps remaining reserves: max(EUR - Np(t), 0); bbl/d, 1/yr, -, bbl/d, yr -> bbl';

-- Effective annual decline from the nominal one: exponential 1 - e^(-Di); hyperbolic 1 - (1 + b Di)^(-1/b);
-- harmonic 1 - 1/(1 + Di)   [fraction per year]
CREATE OR REPLACE FUNCTION stage.fnc_calc_arps_effective_decline(p_di double precision, p_b double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_di < 0 OR p_b < 0 THEN NULL
                ELSE 1 - stage.fnc_calc_arps_q(1, p_di, p_b, 1) END
$$;
COMMENT ON FUNCTION stage.fnc_calc_arps_effective_decline(double precision, double precision) IS
    'Effective annual decline: 1 - e^(-Di) (b=0), 1 - (1 + b Di)^(-1/b) (b>0); 1/yr -> fraction/yr';

-- Nominal decline from the effective annual one (inverse of the above): exponential -ln(1 - De);
-- hyperbolic ((1 - De)^(-b) - 1) / b   [1/yr]; NULL unless 0 <= De < 1.
CREATE OR REPLACE FUNCTION stage.fnc_calc_arps_nominal_decline(p_de double precision, p_b double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p_de < 0 OR p_de >= 1 OR p_b < 0 THEN NULL
                WHEN p_b < 1e-8 THEN -ln(1 - p_de)
                ELSE (stage.fnc_safe_exp(-p_b * ln(1 - p_de)) - 1) / p_b END
$$;
COMMENT ON FUNCTION stage.fnc_calc_arps_nominal_decline(double precision, double precision) IS
    'Nominal decline from the effective annual one: -ln(1 - De) (b=0), ((1 - De)^(-b) - 1) / b; fraction/yr -> 1/yr';

-- ---------------------------------------------------------------------------------------------------------------
-- The derived values of one reading (or one period's averages) of one well, composed from the functions above.
-- Used by reporting.sp_calcular_derivados_completos for current values, hourly and daily facts; a set-returning SQL
-- function so the planner inlines it into those statements. Not STRICT: each output is NULL exactly when one of the
-- inputs its formula needs is NULL.
--   water cut         WC = bsw / 100, else water / (oil + water)
--   liquid rate       q = liquid_rate, else oil + water                                        [bbl/d]
--   pump depth        the caller passes the TVD where the master has one                       [ft]
--   pip_calc          PIP from the measured fluid level (gas-column correction when asked), else the measured PIP;
--                     NULL without a pump depth (nothing can be referred to the pump)
--   fluid_level_calc  FL from the measured PIP, else the measured fluid level; NULL without a pump depth
--   pwf               from the measured PIP, else from pip_calc                                 [psig]
--   pump discharge    the measured discharge pressure, else WHP + Gm * Dp                       [psig]
--   hydraulic_hp      by p_hhp_definicion: AUTO (default) = the pressure form where PIP exists, else the API form
--                     with L_net = FL + (Pt - Pc)/(0.433 SGm); PRESION = 1.7e-5 q (discharge - PIP); API = the
--                     seed's API form with L_net = measured FL (else fluid_level_calc)          [hp]
--   hhp_forma         the form hydraulic_hp used: PRESION or API (NULL when hydraulic_hp is)
--   prhp_calc         from the card area and SPM                                                [hp]
-- The function is inlined into its callers' plans; each intermediate (SG, gradients, PIP, discharge pressure, the
-- HHP form) is a subquery kept apart by OFFSET 0, so it is computed once per row: flattened, every reference to it
-- repeated its whole expression (the hourly derived values of 1,000 wells x 1 day took twice as long). Same
-- expressions, same results bit for bit.
DROP FUNCTION IF EXISTS stage.fnc_calc_derivados(double precision, double precision, double precision, double precision,
    double precision, double precision, double precision, double precision, double precision, double precision,
    double precision, double precision, double precision, double precision, double precision, double precision,
    double precision, double precision, boolean, double precision, double precision, double precision,
    double precision, double precision, text, double precision, double precision, double precision);
CREATE OR REPLACE FUNCTION stage.fnc_calc_derivados(
    p_api double precision, p_sg_water double precision, p_bsw_pct double precision,
    p_oil_rate double precision, p_water_rate double precision, p_liquid_rate double precision,
    p_pump_depth double precision, p_midperf_depth double precision, p_plunger_diameter double precision,
    p_rod_weight_air double precision,
    p_casing_pressure double precision, p_tubing_pressure double precision, p_fluid_level double precision,
    p_pip_measured double precision, p_discharge_measured double precision,
    p_spm double precision, p_stroke double precision, p_card_area double precision,
    p_gas_correction boolean, p_sg_gas double precision, p_temp_avg_f double precision,
    p_water_gradient double precision, p_pump_constant double precision, p_buoyancy_factor double precision,
    p_hhp_definicion text, p_hhp_factor_api double precision, p_hhp_factor_presion double precision,
    p_prhp_divisor double precision)
RETURNS TABLE (sg_mezcla double precision, gradiente_mezcla double precision, pip_calc double precision,
               fluid_level_calc double precision, pwf double precision, presion_descarga double precision,
               rod_weight_buoyant double precision, fluid_load_calc double precision,
               pump_displacement_bpd double precision, hydraulic_hp double precision, prhp_calc double precision,
               liquid_rate double precision, hhp_forma text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT f.sgm, f.gm, pp.pip_calc, pp.fl_calc, stage.fnc_calc_pwf(pp.pip_eff, f.gm, p_midperf_depth, p_pump_depth),
           pp.pd,
           stage.fnc_calc_rod_weight_buoyant(p_rod_weight_air, f.sgm, p_buoyancy_factor),
           stage.fnc_calc_fluid_load(p_plunger_diameter, pp.pd, pp.pip_eff),
           stage.fnc_calc_pump_displacement(p_plunger_diameter, p_stroke, p_spm, p_pump_constant),
           hp.hhp,
           stage.fnc_calc_prhp(p_card_area, p_spm, p_prhp_divisor),
           f.q,
           CASE WHEN hp.hhp IS NOT NULL THEN hp.forma END
      FROM (SELECT s.sgo, s.q, stage.fnc_calc_sg_mixture(s.sgo, p_sg_water, s.wc) AS sgm,
                   stage.fnc_calc_gradient(s.sgo, p_water_gradient) AS go,
                   stage.fnc_calc_gradient(stage.fnc_calc_sg_mixture(s.sgo, p_sg_water, s.wc), p_water_gradient) AS gm
              FROM (SELECT stage.fnc_calc_sg_oil(p_api) AS sgo,
                           coalesce(p_bsw_pct / 100, p_water_rate / NULLIF(p_oil_rate + p_water_rate, 0)) AS wc,
                           coalesce(p_liquid_rate, p_oil_rate + p_water_rate) AS q OFFSET 0) AS s OFFSET 0) AS f
     CROSS JOIN LATERAL (
            SELECT c.pip_from_fl, c.fl_from_pip,
                   CASE WHEN p_pump_depth IS NOT NULL THEN coalesce(c.pip_from_fl, p_pip_measured) END AS pip_calc,
                   CASE WHEN p_pump_depth IS NOT NULL THEN coalesce(c.fl_from_pip, p_fluid_level) END AS fl_calc,
                   coalesce(p_pip_measured, c.pip_from_fl) AS pip_eff,
                   coalesce(p_discharge_measured,
                            stage.fnc_calc_discharge_pressure(p_tubing_pressure, f.gm, p_pump_depth)) AS pd
              FROM (SELECT CASE WHEN p_gas_correction
                                THEN stage.fnc_calc_pip_gas_corrected(p_casing_pressure, f.go, p_pump_depth,
                                                                      p_fluid_level, p_sg_gas, p_temp_avg_f, 1)
                                ELSE stage.fnc_calc_pip(p_casing_pressure, f.go, p_pump_depth, p_fluid_level)
                           END AS pip_from_fl,
                           stage.fnc_calc_fluid_level(p_pip_measured, p_casing_pressure, f.go, p_pump_depth)
                               AS fl_from_pip OFFSET 0) AS c OFFSET 0) AS pp
     CROSS JOIN LATERAL (
            SELECT x.forma,
                   CASE WHEN x.forma = 'PRESION'
                        THEN stage.fnc_calc_hhp_pressure(f.q, pp.pd - pp.pip_eff, p_hhp_factor_presion)
                        WHEN upper(btrim(p_hhp_definicion)) = 'API'
                        THEN stage.fnc_calc_hhp_api(f.q, f.sgm, coalesce(p_fluid_level, pp.fl_calc), p_hhp_factor_api)
                        ELSE stage.fnc_calc_hhp_api(f.q, f.sgm,
                                 stage.fnc_calc_net_lift(coalesce(p_fluid_level, pp.fl_calc), p_tubing_pressure,
                                                         p_casing_pressure, p_water_gradient, f.sgm),
                                 p_hhp_factor_api)
                   END AS hhp
              FROM (SELECT stage.fnc_hhp_forma(p_hhp_definicion, pp.pip_eff, pp.pd) AS forma OFFSET 0) x OFFSET 0) AS hp
$$;
COMMENT ON FUNCTION stage.fnc_calc_derivados(double precision, double precision, double precision, double precision,
    double precision, double precision, double precision, double precision, double precision, double precision,
    double precision, double precision, double precision, double precision, double precision, double precision,
    double precision, double precision, boolean, double precision, double precision, double precision,
    double precision, double precision, text, double precision, double precision, double precision) IS
    'Derived physics of one reading or period of one well (SGm, Gm, PIP, FL, PWF, discharge pressure, Wrf, Fo, PD, HHP and its form, PRHP, q)';

-- ---------------------------------------------------------------------------------------------------------------
-- Settings, well parameters and windows shared by the phase-5 procedures (R__40, R__51, R__60)
-- ---------------------------------------------------------------------------------------------------------------
-- The physical constants and choices of referencial.config_evaluacion (all-wells rows), one row.
CREATE OR REPLACE FUNCTION reporting.fnc_config_fisica()
RETURNS TABLE (gradiente double precision, constante_bomba double precision, factor_flotacion double precision,
               hhp_definicion text, hhp_factor_api double precision, hhp_factor_presion double precision,
               prhp_divisor double precision, hp_por_kw double precision, correccion_columna_gas boolean,
               sg_agua_default double precision, q_limite_economico double precision)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT max(valor_num) FILTER (WHERE clave = 'gradiente_psi_ft'),
           max(valor_num) FILTER (WHERE clave = 'constante_bomba'),
           max(valor_num) FILTER (WHERE clave = 'factor_flotacion'),
           upper(btrim(coalesce(max(valor_texto) FILTER (WHERE clave = 'hhp_definicion'), 'AUTO'))),
           max(valor_num) FILTER (WHERE clave = 'hhp_factor_api'),
           max(valor_num) FILTER (WHERE clave = 'hhp_factor_presion'),
           max(valor_num) FILTER (WHERE clave = 'prhp_divisor'),
           max(valor_num) FILTER (WHERE clave = 'hp_por_kw'),
           coalesce(max(valor_num) FILTER (WHERE clave = 'correccion_columna_gas'), 0) = 1,
           max(valor_num) FILTER (WHERE clave = 'sg_agua_default'),
           max(valor_num) FILTER (WHERE clave = 'arps_q_limite_economico')
      FROM referencial.config_evaluacion
     WHERE nombre_tecnico IS NULL
$$;
COMMENT ON FUNCTION reporting.fnc_config_fisica() IS
    'Physical constants and choices of referencial.config_evaluacion (gradient, pump constant, buoyancy, HHP definition and factors, PRHP divisor, hp/kW, gas-column correction, default water SG, Arps economic limit)';

-- Raises a clear error when a constant the physics needs is missing or the HHP definition is unknown: a blank
-- dashboard from a deleted setting would otherwise look like missing well data.
CREATE OR REPLACE FUNCTION reporting.fnc_validar_config_fisica()
RETURNS void
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    c record;
    v_faltan text[];
BEGIN
    SELECT * INTO c FROM reporting.fnc_config_fisica();
    v_faltan := array_remove(ARRAY[
        CASE WHEN c.gradiente IS NULL THEN 'gradiente_psi_ft' END,
        CASE WHEN c.constante_bomba IS NULL THEN 'constante_bomba' END,
        CASE WHEN c.factor_flotacion IS NULL THEN 'factor_flotacion' END,
        CASE WHEN c.hhp_factor_api IS NULL THEN 'hhp_factor_api' END,
        CASE WHEN c.hhp_factor_presion IS NULL THEN 'hhp_factor_presion' END,
        CASE WHEN c.prhp_divisor IS NULL THEN 'prhp_divisor' END,
        CASE WHEN c.hp_por_kw IS NULL THEN 'hp_por_kw' END], NULL);
    IF cardinality(v_faltan) > 0 THEN
        RAISE EXCEPTION 'referencial.config_evaluacion lacks %', array_to_string(v_faltan, ', ')
            USING ERRCODE = '22023', HINT = 'Re-run INIT (V6 inserts the defaults) or the reference load';
    END IF;
    IF c.hhp_definicion NOT IN ('AUTO', 'API', 'PRESION', 'PRESSURE') THEN
        RAISE EXCEPTION 'referencial.config_evaluacion hhp_definicion is %, expected AUTO, PRESION or API', c.hhp_definicion
            USING ERRCODE = '22023';
    END IF;
END
$$;
COMMENT ON FUNCTION reporting.fnc_validar_config_fisica() IS
    'Raises SQLSTATE 22023 naming any constant of reporting.fnc_config_fisica() that is missing, or an unknown HHP definition';

-- The well-master inputs of the formulas, per well: pump depth (TVD where known), mid-perforation depth, API, water
-- SG (the configured default where the master has none; NULL by default), plunger diameter, rod weight in air, gas SG,
-- surface and reservoir temperatures.
CREATE OR REPLACE FUNCTION reporting.fnc_parametros_pozo()
RETURNS TABLE (well_id text, profundidad_bomba double precision, profundidad_media_perforados double precision,
               api_gravity double precision, sg_agua double precision, diametro_piston double precision,
               peso_varillas_aire double precision, sg_gas double precision,
               temperatura_superficie double precision, temperatura_yacimiento double precision)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT m.well_id, coalesce(m.profundidad_bomba_tvd, m.profundidad_bomba), m.profundidad_media_perforados,
           m.api_gravity, coalesce(m.sg_agua, (SELECT c.sg_agua_default FROM reporting.fnc_config_fisica() c)),
           m.diametro_piston, m.peso_varillas_aire, m.sg_gas, m.temperatura_superficie, m.temperatura_yacimiento
      FROM stage.tbl_pozo_maestra m
$$;
COMMENT ON FUNCTION reporting.fnc_parametros_pozo() IS
    'Well-master inputs of the physics per well (pump depth TVD-first, mid-perforation depth, API, water SG, plunger, rod weight, gas SG, temperatures)';

-- Average temperature of the annulus gas column from surface to the fluid level, on a linear geothermal gradient
-- between the surface and the reservoir (at mid-perforations): T_avg = Ts + (Tr - Ts) * FL / (2 * D_midperf)  [degF]
CREATE OR REPLACE FUNCTION stage.fnc_calc_gas_column_temperature(p_temp_surface double precision,
                                                                 p_temp_reservoir double precision,
                                                                 p_fluid_level double precision,
                                                                 p_midperf_depth double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT p_temp_surface + (p_temp_reservoir - p_temp_surface) * p_fluid_level / NULLIF(2 * p_midperf_depth, 0)
$$;
COMMENT ON FUNCTION stage.fnc_calc_gas_column_temperature(double precision, double precision, double precision, double precision) IS
    'Average gas-column temperature to the fluid level on a linear geothermal gradient: Ts + (Tr - Ts) * FL / (2 * D_midperf); degF, degF, ft, ft -> degF';

-- The one check of a calendar window that every windowed routine makes (DQ, facts, partitions, derived values, KPIs):
-- both days given, the first not after the last. Raises 22023 naming the routine and the window.
CREATE OR REPLACE FUNCTION reporting.fnc_validar_ventana(p_rutina text, p_desde date, p_hasta date)
RETURNS void
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF p_desde IS NULL OR p_hasta IS NULL OR p_hasta < p_desde THEN
        RAISE EXCEPTION '%: invalid window % .. %', p_rutina, p_desde, p_hasta
            USING ERRCODE = '22023', HINT = 'Pass two dates, fecha_inicio <= fecha_fin (calendar days in BP010_TIMEZONE).';
    END IF;
END
$$;
COMMENT ON FUNCTION reporting.fnc_validar_ventana(text, date, date) IS
    'Raises 22023 naming the routine unless both days are given and the first is not after the last';

-- The calendar window a phase-5 procedure works on: explicit dates win; else the window of the pipeline run p_run_id
-- (reporting.pipeline_runs); else everything ('-infinity' .. 'infinity', the seed's plain CALL, docs/SEED.md).
CREATE OR REPLACE FUNCTION reporting.fnc_ventana_fase(p_run_id uuid, p_fecha_inicio date, p_fecha_fin date)
RETURNS TABLE (desde date, hasta date)
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(p_fecha_inicio, r.ventana_desde, '-infinity'::date),
           coalesce(p_fecha_fin, r.ventana_hasta, 'infinity'::date)
      FROM (SELECT 1) AS one
      LEFT JOIN reporting.pipeline_runs r ON r.run_id = p_run_id
$$;
COMMENT ON FUNCTION reporting.fnc_ventana_fase(uuid, date, date) IS
    'Window of a phase-5 procedure: explicit dates, else the run''s window from reporting.pipeline_runs, else all history';

-- The time a phase-5 procedure judges "now" against: the as-of of the pipeline run p_run_id, else now().
CREATE OR REPLACE FUNCTION reporting.fnc_as_of_run(p_run_id uuid)
RETURNS timestamptz
LANGUAGE sql STABLE
AS $$
    SELECT coalesce((SELECT r.as_of FROM reporting.pipeline_runs r WHERE r.run_id = p_run_id), now())
$$;
COMMENT ON FUNCTION reporting.fnc_as_of_run(uuid) IS
    'as_of of the pipeline run (reporting.pipeline_runs), else now(): reruns of a run judge against the same instant';
