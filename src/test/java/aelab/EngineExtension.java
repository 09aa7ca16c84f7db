package aelab;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (META-INF/services, autodetection on): the tests run on the
 * engine AELAB_ENGINE or -Daelab.engine asks for, as notebooks and commands do.
 */
public final class EngineExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Engines.configure();
    }
}
