package dev.mirror.sample;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Realistic-ish column values as a pure function of (table, column, type, key, version): names with
 * non-ASCII letters, dates (including SuperOffice's empty date 1760-01-01), amounts, NULLs where the
 * column allows them, each in the Java class that {@link dev.mirror.api.model.SqlServerType} names.
 */
final class ValueGenerator {
    /** SuperOffice's "empty date". */
    static final LocalDateTime EMPTY_DATE = LocalDateTime.of(1760, 1, 1, 0, 0);

    private static final List<String> FIRST = List.of("Anna", "Bjørn", "Chloé", "Dagný", "Émile", "Francesca", "Güneş",
            "Hiroshi", "Ingrid", "José", "Katarzyna", "Łukasz", "María", "Nils", "Øystein", "Pål", "Renée", "Søren",
            "Zoë", "Юлия", "明美", "Siobhán", "O'Neil", "Ana-Lucía");
    private static final List<String> LAST = List.of("Andersen", "Berg", "Çelik", "Dubois", "Eriksson", "Fernández",
            "Gruber", "Hansen", "Ødegård", "Jäger", "Kowalski", "Larsen", "Müller", "Nakamura", "O'Brien", "Pedersen",
            "Quiñones", "Rossi", "Šimek", "Tanaka", "Østergaard", "Иванова", "山田", "van der Berg");
    private static final List<String> COMPANY = List.of("Nordlys AS", "Fjord & Co", "Bergen Bryggeri", "Café Ærø",
            "Smörgås AB", "Kölner Maschinenbau GmbH", "Société Générale de Test", "Łódź Logistics", "東京商事",
            "Acme \"Quoted\" Ltd", "Tromsø Fisk", "Zürich Consulting");
    private static final List<String> WORDS = List.of("meeting", "follow-up", "offer", "contract", "renewal", "demo",
            "kundebesøk", "Angebot", "réunion", "lunsj", "prosjekt", "faktura", "Übergabe", "☕", "résumé", "Q3");
    private static final List<String> TIERS = List.of("Bronze", "Silver", "Gold", "Platinum");
    private static final LocalDateTime EPOCH = LocalDateTime.of(2015, 1, 1, 0, 0);

    private ValueGenerator() {
    }

    /** The value of a non-key column of row {@code id} last written at step {@code version}. */
    static Object value(String table, Column column, long id, int version) {
        return value(table, columnSeed(table, column), column, id, version);
    }

    /** The seed of a column's values; callers generating many rows compute it once per column. */
    static long columnSeed(String table, Column column) {
        return Hashing.seed(table + "." + column.name());
    }

    /** {@link #value(String, Column, long, int)} with the column's seed precomputed. */
    static Object value(String table, long columnSeed, Column column, long id, int version) {
        String name = column.name();
        long r = Math.floorMod(Hashing.of(columnSeed, id, version), Long.MAX_VALUE);
        if (name.equals(SampleScript.ADDED_COLUMN)) {
            // Rows untouched since the column was added keep NULL, exactly as after ALTER TABLE ADD.
            return version < SampleScript.ADDED_COLUMN_STEP || r % 5 == 4 ? null : TIERS.get((int) (r % TIERS.size()));
        }
        if (column.nullable() && r % 10 == 9) {
            return null;
        }
        SqlType type = column.type();
        return switch (type.base()) {
            case TINYINT -> (short) (r % 256);
            case SMALLINT -> name.equals("updatedcount") ? (short) (version - 1) : (short) (r % 10);
            case INT -> intValue(name, r);
            case BIGINT -> version >= SampleScript.WIDENED_STEP ? 3_000_000_000L + r % 1_000_000 : (long) intValue(name, r);
            case BIT -> r % 2 == 0;
            case REAL -> (float) (r % 100_000) / 8;
            case FLOAT -> (double) (r % 10_000_000) / 100;
            case SMALLMONEY, MONEY -> BigDecimal.valueOf(r % 100_000_000, 4);
            case DECIMAL, NUMERIC -> BigDecimal.valueOf(r % (long) Math.pow(10, Math.min(type.precision(), 15)), type.scale());
            case CHAR, VARCHAR, TEXT -> fit(ascii(name, r, id), type);
            case NCHAR, NVARCHAR, NTEXT -> fit(text(table, name, r, id, version), type);
            case SMALLDATETIME, DATETIME, DATETIME2 -> dateTime(name, r, version, column.nullable());
            case DATE -> EPOCH.toLocalDate().plusDays(r % 4000);
            case TIME -> LocalTime.ofSecondOfDay(r % 86_400);
            case DATETIMEOFFSET -> OffsetDateTime.of(dateTime(name, r, version, false), ZoneOffset.ofHours(1));
            case UNIQUEIDENTIFIER -> new UUID(r, Hashing.mix(r));
            case BINARY, VARBINARY, IMAGE -> bytes(r, type);
        };
    }

    private static Integer intValue(String name, long r) {
        if (name.endsWith("_idx")) {
            return (int) (1 + r % 20);
        }
        if (name.endsWith("id")) {
            return (int) (1 + r % 2000);
        }
        return (int) (r % 100_000);
    }

    private static LocalDateTime dateTime(String name, long r, int version, boolean nullable) {
        if (name.equals("updated")) {
            return LocalDateTime.of(2024, 1, 1, 8, 0).plusDays(version * 30L).plusSeconds(r % 36_000);
        }
        if (r % 11 == 0 && !name.equals("registered")) {
            return EMPTY_DATE;
        }
        // Whole seconds: SQL Server's datetime keeps 1/300 s, so finer values would not round-trip.
        return EPOCH.plusSeconds(r % 300_000_000L);
    }

    private static String text(String table, String name, long r, long id, int version) {
        if (name.equals("firstname") && version >= SampleScript.WIDENED_STEP && r % 10 == 0) {
            // Longer than the pre-widening nvarchar(99), so the widening matters.
            return (pick(FIRST, r) + "-" + pick(FIRST, r >>> 8) + " ").repeat(8).trim();
        }
        if (name.contains("firstname") || name.equals("kanafname") || name.equals("middlename")) {
            return pick(FIRST, r);
        }
        if (name.contains("lastname") || name.equals("kanalname")) {
            return pick(LAST, r);
        }
        if (name.equals("name") || name.equals("kananame")) {
            return table.equals("associate") ? pick(FIRST, r).toUpperCase(java.util.Locale.ROOT) + id
                    : pick(COMPANY, r) + (r % 3 == 0 ? "" : " " + id);
        }
        if (name.contains("number")) {
            return "N-" + id + "-" + version;
        }
        StringBuilder b = new StringBuilder();
        int words = 1 + (int) (r % 6);
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : (r >>> i) % 7 == 0 ? "\n" : " ").append(pick(WORDS, r >>> (4 * i)));
        }
        return b.toString();
    }

    private static String ascii(String name, long r, long id) {
        return name + "-" + id + "-" + Long.toString(r % 1_000_000, 36);
    }

    private static String pick(List<String> list, long r) {
        return list.get((int) Math.floorMod(r, list.size()));
    }

    /** Cuts to the declared length without splitting a surrogate pair. */
    private static String fit(String s, SqlType type) {
        int max = type.isMax() ? 4000 : type.length();
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static byte[] bytes(long r, SqlType type) {
        int len = type.isMax() ? 32 : Math.min(type.length(), 32);
        byte[] b = new byte[len];
        long x = r;
        for (int i = 0; i < len; i++) {
            x = Hashing.mix(x + i);
            b[i] = (byte) x;
        }
        return b;
    }

}
