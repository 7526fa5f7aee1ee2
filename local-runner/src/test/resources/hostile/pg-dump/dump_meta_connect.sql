\connect postgres
