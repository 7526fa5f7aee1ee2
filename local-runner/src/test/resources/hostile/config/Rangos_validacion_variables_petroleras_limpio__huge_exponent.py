# -*- coding: utf-8 -*-
"""Rangos de validación operativos por variable (bombeo mecánico).

Límites por variable para todos los pozos: min_critical < min_warning < target < max_warning < max_critical.
None = límite no definido (la evaluación omite esa comparación; sp_seed_defaults deriva el crítico desde el
warning cuando falta). Unidades de campo estándar (psi, °F, spm, %, lbf, in*lbf, A, kW, bbl/d, Mscf/d, ft).
clasificacion = clase de volatilidad de la variable (ESTABLE, MODERADA, VOLATIL).

Este archivo es un literal de Python: el cargador lo lee sin ejecutarlo.
"""

RANGOS_VALIDACION = {
    # --- presiones y temperatura de superficie ---
    "well_head_pressure": {
        "unidad": "psi",
        "min_critical": None,
        "min_warning": 30,
        "target": 100,
        "max_warning": 500,
        "max_critical": 1e999,
        "clasificacion": "MODERADA",
    },
    "casing_head_pressure": {
        "unidad": "psi",
        "min_critical": None,
        "min_warning": None,
        "target": 50,
        "max_warning": 300,
        "max_critical": 2000,
        "clasificacion": "MODERADA",
    },
    "flow_line_pressure": {
        "unidad": "psi",
        "min_critical": 5,
        "min_warning": 20,
        "target": 80,
        "max_warning": 300,
        "max_critical": 500,
        "clasificacion": "MODERADA",
    },
    "wellhead_temperature": {
        "unidad": "degF",
        "min_critical": 33,
        "min_warning": 40,
        "target": 110,
        "max_warning": 200,
        "max_critical": 250,
        "clasificacion": "ESTABLE",
    },
    # --- unidad de bombeo ---
    "strokes_per_minute": {
        "unidad": "spm",
        "min_critical": 1,
        "min_warning": 3,
        "target": 8,
        "max_warning": 12,
        "max_critical": 15,
        "clasificacion": "ESTABLE",
    },
    "pump_fillage": {
        "unidad": "%",
        "min_critical": 50,
        "min_warning": 70,
        "target": 90,
        "max_warning": 100,
        "max_critical": None,
        "clasificacion": "MODERADA",
    },
    # --- cargas ---
    "max_rod_load": {
        "unidad": "lbf",
        "min_critical": 3000,
        "min_warning": 5000,
        "target": 15000,
        "max_warning": 30000,
        "max_critical": 40000,
        "clasificacion": "MODERADA",
    },
    "min_rod_load": {
        "unidad": "lbf",
        "min_critical": 0,
        "min_warning": 1000,
        "target": 6000,
        "max_warning": 15000,
        "max_critical": 20000,
        "clasificacion": "MODERADA",
    },
    "gearbox_torque": {
        "unidad": "in*lbf",
        "min_critical": None,
        "min_warning": None,
        "target": 250000,
        "max_warning": 456000,
        "max_critical": 640000,
        "clasificacion": "MODERADA",
    },
    # --- eléctrico ---
    "motor_current": {
        "unidad": "A",
        "min_critical": 1,
        "min_warning": 5,
        "target": 25,
        "max_warning": 80,
        "max_critical": 110,
        "clasificacion": "VOLATIL",
    },
    "motor_power": {
        "unidad": "kW",
        "min_critical": None,
        "min_warning": 1,
        "target": 12,
        "max_warning": 45,
        "max_critical": 60,
        "clasificacion": "VOLATIL",
    },
    # --- producción ---
    "oil_rate": {
        "unidad": "bbl/d",
        "min_critical": 1,
        "min_warning": 10,
        "target": 52,
        "max_warning": 200,
        "max_critical": 400,
        "clasificacion": "VOLATIL",
    },
    "water_rate": {
        "unidad": "bbl/d",
        "min_critical": None,
        "min_warning": None,
        "target": 78,
        "max_warning": 300,
        "max_critical": 600,
        "clasificacion": "VOLATIL",
    },
    "gas_rate": {
        "unidad": "Mscf/d",
        "min_critical": None,
        "min_warning": None,
        "target": 40,
        "max_warning": 150,
        "max_critical": 300,
        "clasificacion": "VOLATIL",
    },
    "bsw": {
        "unidad": "%",
        "min_critical": None,
        "min_warning": None,
        "target": 60,
        "max_warning": 85,
        "max_critical": 95,
        "clasificacion": "MODERADA",
    },
    # --- fondo de pozo ---
    "pump_intake_pressure": {
        "unidad": "psi",
        "min_critical": 25,
        "min_warning": 50,
        "target": 150,
        "max_warning": 600,
        "max_critical": 1000,
        "clasificacion": "MODERADA",
    },
    "fluid_level": {
        "unidad": "ft",
        "min_critical": None,
        "min_warning": 1000,
        "target": 4500,
        "max_warning": 4800,
        "max_critical": 4950,
        "clasificacion": "MODERADA",
    },
}
