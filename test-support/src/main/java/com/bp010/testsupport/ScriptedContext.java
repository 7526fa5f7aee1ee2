package com.bp010.testsupport;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.bp010.db.LocalContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lambda {@link Context} as in AWS (not a local run) whose remaining time is scripted: the first {@code plentyCalls}
 * reads of {@link #getRemainingTimeInMillis()} answer {@code plentyMillis}, every later read {@code scarceMillis}.
 * It makes "the time runs out after N statements" deterministic, without waiting for a clock.
 */
public final class ScriptedContext implements Context {
    private final Context delegate;
    private final int plentyCalls;
    private final int plentyMillis;
    private final int scarceMillis;
    private final AtomicInteger reads = new AtomicInteger();

    public ScriptedContext(String functionName, int plentyCalls, int plentyMillis, int scarceMillis) {
        this.delegate = new LocalContext(functionName);
        this.plentyCalls = plentyCalls;
        this.plentyMillis = plentyMillis;
        this.scarceMillis = scarceMillis;
    }

    /** How many times the remaining time was read. */
    public int reads() {
        return reads.get();
    }

    @Override
    public int getRemainingTimeInMillis() {
        return reads.incrementAndGet() <= plentyCalls ? plentyMillis : scarceMillis;
    }

    @Override
    public String getAwsRequestId() {
        return delegate.getAwsRequestId();
    }

    @Override
    public String getLogGroupName() {
        return delegate.getLogGroupName();
    }

    @Override
    public String getLogStreamName() {
        return delegate.getLogStreamName();
    }

    @Override
    public String getFunctionName() {
        return delegate.getFunctionName();
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return delegate.getInvokedFunctionArn() + ":live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return delegate.getMemoryLimitInMB();
    }

    @Override
    public LambdaLogger getLogger() {
        return delegate.getLogger();
    }
}
