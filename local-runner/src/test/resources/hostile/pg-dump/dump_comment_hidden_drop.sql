/* harmless */ DROP /* x */ TABLE stage.tbl_pozo_produccion; -- done
