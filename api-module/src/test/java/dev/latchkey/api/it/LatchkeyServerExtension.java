package dev.latchkey.api.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one shared {@link LatchkeyServer}: the first test class that needs it starts it,
 * and JUnit closes it when the whole run ends, because it lives in the root context's store.
 *
 * <p>Use with {@code @ExtendWith(LatchkeyServerExtension.class)} and a {@code LatchkeyServer}
 * parameter on a test, lifecycle method or constructor.
 */
public final class LatchkeyServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LatchkeyServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // Starting here rather than on first injection puts the boot time outside any test's timing.
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LatchkeyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static LatchkeyServer server(ExtensionContext context) {
        // The root store outlives every class and closes AutoCloseable values at the end of the run.
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(LatchkeyServer.class, type -> LatchkeyServer.start(), LatchkeyServer.class);
    }
}
