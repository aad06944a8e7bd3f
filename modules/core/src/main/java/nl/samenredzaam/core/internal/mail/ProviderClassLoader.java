package nl.samenredzaam.core.internal.mail;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The context class loader for Jakarta Mail calls. Jakarta Mail and Jakarta Activation find their
 * implementations (Angus Mail's stream provider and SMTP transport, Angus Activation's mailcap
 * registry, the content handlers named in Angus Mail's {@code META-INF/mailcap}) through the
 * context class loader: {@code java.util.ServiceLoader}, resource files and class names. In OSGi that
 * loader must see the implementation bundles. This one sees the bundles that declare an
 * {@code osgi.serviceloader} capability for one of the service types asked for, after the loader of
 * core itself: what a Service Loader Mediator would arrange, done for mail alone (the platform starts
 * none, see cnf/runtime.bnd).
 */
final class ProviderClassLoader extends ClassLoader {

    static final String SERVICELOADER_NAMESPACE = "osgi.serviceloader";

    private final List<ClassLoader> providers;

    private ProviderClassLoader(ClassLoader parent, List<ClassLoader> providers) {
        super("samenredzaam-mail-providers", parent);
        this.providers = List.copyOf(providers);
    }

    /** A loader over the active or resolved bundles that provide one of the service types. */
    static ProviderClassLoader of(BundleContext context, ClassLoader parent, Set<String> serviceTypes) {
        List<ClassLoader> loaders = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (revision == null || wiring == null || wiring.getClassLoader() == null) {
                continue; // not resolved (or a fragment)
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(SERVICELOADER_NAMESPACE)) {
                if (serviceTypes.contains(String.valueOf(capability.getAttributes().get(SERVICELOADER_NAMESPACE)))) {
                    loaders.add(wiring.getClassLoader());
                    break;
                }
            }
        }
        return new ProviderClassLoader(parent, loaders);
    }

    int providerCount() {
        return providers.size();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : providers) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException e) {
                // try the next provider
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader loader : providers) {
            URL url = loader.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (ClassLoader loader : providers) {
            urls.addAll(Collections.list(loader.getResources(name)));
        }
        return Collections.enumeration(urls);
    }
}
