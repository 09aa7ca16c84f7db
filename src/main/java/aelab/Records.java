package aelab;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/** A record written as Java writes one, with its arrays' contents in place of their identities. */
public final class Records {

    private Records() {}

    /** {@code Name[a=1, sizes=[784, 32], ...]}. */
    public static String toString(Record r) {
        StringJoiner out = new StringJoiner(", ", r.getClass().getSimpleName() + "[", "]");
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(r);
                out.add(c.getName() + "=" + (v != null && v.getClass().isArray() ? array(v) : String.valueOf(v)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
            }
        }
        return out.toString();
    }

    private static String array(Object a) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < Array.getLength(a); i++) {
            Object v = Array.get(a, i);
            out.add(v != null && v.getClass().isArray() ? array(v) : String.valueOf(v));
        }
        return out.toString();
    }
}
