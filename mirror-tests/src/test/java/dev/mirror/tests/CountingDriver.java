package dev.mirror.tests;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A JDBC driver for URLs {@code jdbc:counting:<real url without jdbc:>} that records every SQL statement executed and
 * every {@link DatabaseMetaData} call, so tests can prove what a cycle sends to the target.
 */
public final class CountingDriver implements Driver {
    private static final String PREFIX = "jdbc:counting:";
    /** Every statement and metadata call seen, in order (per test JVM; tests clear it before measuring). */
    public static final List<String> LOG = new CopyOnWriteArrayList<>();

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Makes sure the driver is registered. */
    public static String url(String realUrl) {
        return PREFIX + realUrl.substring("jdbc:".length());
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, real);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler h = (p, m, args) -> invoke(target, m, args);
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        String name = m.getName();
        if (target instanceof Connection && name.equals("prepareStatement") && args != null && args[0] instanceof String sql) {
            PreparedStatement ps = (PreparedStatement) call(target, m, args);
            return preparedProxy(ps, sql);
        }
        if (target instanceof Connection && name.equals("createStatement")) {
            return proxy(Statement.class, (Statement) call(target, m, args));
        }
        if (target instanceof Connection && name.equals("getMetaData")) {
            return proxy(DatabaseMetaData.class, (DatabaseMetaData) call(target, m, args));
        }
        if (target instanceof Connection && name.equals("unwrap")) {
            return call(target, m, args);
        }
        if (target instanceof DatabaseMetaData && name.startsWith("get") && m.getReturnType() == java.sql.ResultSet.class) {
            LOG.add("METADATA " + name);
        }
        if (target instanceof Statement && name.startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
            LOG.add(sql);
        }
        return call(target, m, args);
    }

    private static Object preparedProxy(PreparedStatement ps, String sql) {
        InvocationHandler h = (p, m, args) -> {
            if (m.getName().startsWith("execute") && (args == null || args.length == 0)) {
                LOG.add(sql);
            }
            return call(ps, m, args);
        };
        return Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
