package nl.samenredzaam.api.data;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/** Turns the current row of a result set into an object. */
@FunctionalInterface
@ConsumerType
public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
}
