/* a /* nested */ still comment */ DROP TABLE t;
