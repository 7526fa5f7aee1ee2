package com.bp010.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bp010.db.Env;
import com.bp010.init.InitRdsHandler;
import com.bp010.pipeline.PipelineV4Handler;

import java.util.function.Function;

/** The four functions of the template, by the name {@code bp010 invoke} takes. */
enum LambdaFunction {
    INIT("bp010-init-rds", InitRdsHandler::new),
    REFERENCIAL("bp010-load-referencial", null),
    STAGE("bp010-stage-ingest", null),
    PIPELINE("bp010-pipeline-v4", PipelineV4Handler::new);

    private final String functionName;
    private final Function<Env, RequestStreamHandler> factory;

    LambdaFunction(String functionName, Function<Env, RequestStreamHandler> factory) {
        this.functionName = functionName;
        this.factory = factory;
    }

    String functionName() {
        return functionName;
    }

    RequestStreamHandler handler(Env env) {
        if (factory == null) {
            throw new IllegalStateException(name().toLowerCase() + " is not part of this build yet");
        }
        return factory.apply(env);
    }
}
