SET statement_timeout = 0;
SET client_encoding = 'UTF8';
DROP TABLE stage.tbl_pozo_produccion;
