package dev.mirror.superoffice;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads {@code TableSchemaInfo} elements (a TableSchema request's {@code Tables}, a RowData batch's
 * {@code TableInfo}) and writes the TableSchema answer. Column order is kept; types are SQL Server
 * declarations ({@code int}, {@code nvarchar(255)}, {@code nvarchar(max)}) parsed with {@link SqlType#parse};
 * an empty {@code DefaultValue} means "no default".
 */
final class TableSchemaCall {
    /** One announced column as the wire carries it. */
    record WireColumn(String name, String type, boolean nullable, String defaultValue) {
    }

    /** One {@code TableSchemaInfo}: its name and columns. */
    record WireTable(String name, List<WireColumn> columns) {
    }

    private TableSchemaCall() {
    }

    /** Reads the {@code TableSchemaInfo} the cursor is on; leaves it on its end tag. */
    static WireTable readTableInfo(XmlCursor x) throws XMLStreamException {
        String name = null;
        List<WireColumn> columns = new ArrayList<>();
        while (x.nextChild()) {
            switch (x.localName()) {
                case "TableName" -> name = x.text();
                case "Columns" -> {
                    while (x.nextChild()) {
                        if (x.localName().equals("ColumnInfo")) {
                            columns.add(readColumn(x));
                        } else {
                            x.skip();
                        }
                    }
                }
                default -> x.skip();
            }
        }
        return new WireTable(name, columns);
    }

    private static WireColumn readColumn(XmlCursor x) throws XMLStreamException {
        String name = null;
        String type = null;
        String def = null;
        boolean nullable = true;
        while (x.nextChild()) {
            switch (x.localName()) {
                case "Name" -> name = x.text();
                case "Type" -> type = x.text();
                case "DefaultValue" -> def = x.text();
                case "IsNullable" -> nullable = !"false".equalsIgnoreCase(strip(x.text()));
                default -> x.skip();
            }
        }
        return new WireColumn(name, type, nullable, def == null || def.isBlank() ? null : def);
    }

    /**
     * Builds the model schema of a wire table.
     *
     * @param primaryKey given the table name and its first column, the key columns
     * @throws IllegalArgumentException saying what is wrong with the table
     */
    static TableSchema toSchema(WireTable t, BiFunction<String, String, List<String>> primaryKey) {
        if (t.name() == null || t.name().isBlank()) {
            throw new IllegalArgumentException("a TableSchemaInfo has no TableName");
        }
        if (t.columns().isEmpty()) {
            throw new IllegalArgumentException("table '" + t.name() + "' announces no columns");
        }
        List<Column> columns = new ArrayList<>();
        for (WireColumn c : t.columns()) {
            if (c.name() == null || c.name().isBlank()) {
                throw new IllegalArgumentException("table '" + t.name() + "' has a column without Name");
            }
            if (c.type() == null) {
                throw new IllegalArgumentException("column '" + t.name() + "." + c.name() + "' has no Type");
            }
            SqlType type;
            try {
                type = SqlType.parse(c.type());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column '" + t.name() + "." + c.name() + "': " + e.getMessage(), e);
            }
            columns.add(new Column(c.name(), type, c.nullable(), c.defaultValue()));
        }
        return new TableSchema(t.name(), columns, primaryKey.apply(t.name(), columns.get(0).name()));
    }

    /** Writes the {@code MirrorLSN} member: one {@code TableLSN} per answer (or nil when there is none). */
    static void writeMirrorLsn(XMLStreamWriter w, List<TableAnswer> answers) throws XMLStreamException {
        w.setPrefix("a", Soap.CONTRACT_NS);
        w.setPrefix("i", Soap.XSI_NS);
        if (answers == null) {
            w.writeEmptyElement(Soap.SERVICE_NS, "MirrorLSN");
            w.writeNamespace("a", Soap.CONTRACT_NS);
            w.writeNamespace("i", Soap.XSI_NS);
            w.writeAttribute("i", Soap.XSI_NS, "nil", "true");
            return;
        }
        w.writeStartElement(Soap.SERVICE_NS, "MirrorLSN");
        w.writeNamespace("a", Soap.CONTRACT_NS);
        w.writeNamespace("i", Soap.XSI_NS);
        for (TableAnswer a : answers) {
            w.writeStartElement("a", "TableLSN", Soap.CONTRACT_NS);
            w.writeStartElement("a", "LSN", Soap.CONTRACT_NS);
            w.writeCharacters(Long.toString(a.lsn()));
            w.writeEndElement();
            w.writeStartElement("a", "TableName", Soap.CONTRACT_NS);
            w.writeCharacters(a.table());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
