SELECT pg_catalog.set_config('search_path', (SELECT 'public'), false);
