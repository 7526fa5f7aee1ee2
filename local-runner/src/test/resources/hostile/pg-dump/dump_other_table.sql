INSERT INTO referencial.tbl_var_scada_map (var_id_scada) VALUES ('x');
