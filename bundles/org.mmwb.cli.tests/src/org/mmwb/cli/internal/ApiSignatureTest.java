package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The build's API check: no signature of a published package (exported without {@code x-internal} or
 * {@code x-friends}) of any mmwb bundle names a type of an internal or unexported mmwb package. A plugin author who
 * compiles against the API must never need an internal type to call it. Reads the running bundles' manifests, so a
 * new bundle or package is checked without editing this test.
 */
class ApiSignatureTest {

    private static final Set<String> MUST_BE_CHECKED = Set.of("org.mmwb.core", "org.mmwb.x86", "org.mmwb.scenario",
            "org.mmwb.host", "org.mmwb.record", "org.mmwb.iomap");

    @Test
    void publishedSignaturesNameOnlyPublishedTypes() throws Exception {
        Map<String, Bundle> apiPackages = new TreeMap<>();
        Set<String> checkedBundles = new TreeSet<>();
        for (Bundle b : FrameworkUtil.getBundle(ApiSignatureTest.class).getBundleContext().getBundles()) {
            String name = b.getSymbolicName();
            BundleWiring w = b.adapt(BundleWiring.class);
            if (name == null || !name.startsWith("org.mmwb.") || name.endsWith(".tests") || w == null) {
                continue;
            }
            checkedBundles.add(name);
            for (BundleCapability c : w.getCapabilities("osgi.wiring.package")) {
                Map<String, String> d = c.getDirectives();
                if (!"true".equals(d.get("x-internal")) && !d.containsKey("x-friends")) {
                    apiPackages.put((String) c.getAttributes().get("osgi.wiring.package"), b);
                }
            }
        }
        assertTrue(checkedBundles.containsAll(MUST_BE_CHECKED), "bundles found: " + checkedBundles);
        assertTrue(apiPackages.containsKey("org.mmwb.core.mm") && apiPackages.containsKey("org.mmwb.core.catalog")
                && apiPackages.containsKey("org.mmwb.scenario"), "API packages found: " + apiPackages.keySet());

        List<String> leaks = new ArrayList<>();
        int classes = 0;
        for (Map.Entry<String, Bundle> e : apiPackages.entrySet()) {
            String pkg = e.getKey();
            BundleWiring w = e.getValue().adapt(BundleWiring.class);
            for (String res : w.listResources("/" + pkg.replace('.', '/'), "*.class", 0)) {
                String cn = res.substring(0, res.length() - ".class".length()).replace('/', '.');
                Class<?> c = e.getValue().loadClass(cn);
                if (!isVisible(c)) {
                    continue;
                }
                classes++;
                for (Type t : signatureTypes(c)) {
                    check(t, c, apiPackages.keySet(), leaks);
                }
            }
        }
        assertTrue(classes > 50, "only " + classes + " API classes were found: the check would prove nothing");
        assertEquals(List.of(), leaks, "API signatures naming internal types");
    }

    /** Public, or protected and nested in a visible class: what another bundle can see. */
    private static boolean isVisible(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        int m = c.getModifiers();
        boolean own = Modifier.isPublic(m) || Modifier.isProtected(m) && c.getEnclosingClass() != null;
        return own && (c.getEnclosingClass() == null || isVisible(c.getEnclosingClass()));
    }

    private static List<Type> signatureTypes(Class<?> c) {
        List<Type> out = new ArrayList<>();
        if (c.getGenericSuperclass() != null) {
            out.add(c.getGenericSuperclass());
        }
        out.addAll(List.of(c.getGenericInterfaces()));
        boolean sealedOrFinal = Modifier.isFinal(c.getModifiers());
        for (Field f : c.getDeclaredFields()) {
            if (seen(f.getModifiers(), sealedOrFinal) && !f.isSynthetic()) {
                out.add(f.getGenericType());
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (seen(m.getModifiers(), sealedOrFinal) && !m.isSynthetic() && !m.isBridge()) {
                out.add(m.getGenericReturnType());
                out.addAll(List.of(m.getGenericParameterTypes()));
                out.addAll(List.of(m.getGenericExceptionTypes()));
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (seen(k.getModifiers(), sealedOrFinal) && !k.isSynthetic()) {
                out.addAll(List.of(k.getGenericParameterTypes()));
                out.addAll(List.of(k.getGenericExceptionTypes()));
            }
        }
        return out;
    }

    /** Public members, and protected ones of classes others can extend. */
    private static boolean seen(int mod, boolean finalClass) {
        return Modifier.isPublic(mod) || Modifier.isProtected(mod) && !finalClass;
    }

    private static void check(Type t, Class<?> owner, Set<String> api, List<String> leaks) {
        if (t instanceof Class<?> k) {
            while (k.isArray()) {
                k = k.getComponentType();
            }
            String pkg = k.getPackageName();
            if (pkg.startsWith("org.mmwb.") && !api.contains(pkg)) {
                leaks.add(owner.getName() + " -> " + k.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            check(p.getRawType(), owner, api, leaks);
            for (Type a : p.getActualTypeArguments()) {
                check(a, owner, api, leaks);
            }
        } else if (t instanceof WildcardType wc) {
            for (Type b : wc.getUpperBounds()) {
                check(b, owner, api, leaks);
            }
            for (Type b : wc.getLowerBounds()) {
                check(b, owner, api, leaks);
            }
        } else if (t instanceof GenericArrayType g) {
            check(g.getGenericComponentType(), owner, api, leaks);
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                if (b != Object.class) {
                    check(b, owner, api, leaks);
                }
            }
        }
    }
}
