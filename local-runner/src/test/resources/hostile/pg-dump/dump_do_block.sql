DO $$ BEGIN EXECUTE 'DROP TABLE stage.tbl_pozo_produccion'; END $$;
