package com.example.mirror.csv;

import dev.mirror.api.source.PullSource;
import dev.mirror.testkit.source.AbstractChangeSourceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV source passes the source kit. The files are given modification times an hour in the past, one minute apart
 * per change, as files written by an export job would have: fresh files are reloaded until they settle (see
 * {@link CsvDirectorySource}), which the kit's quiet cycle would rightly count as a change.
 */
class CsvSourceConformanceTest extends AbstractChangeSourceTest {
    @TempDir
    Path dir;
    private Instant written = Instant.now().minus(Duration.ofHours(1));
    private int step;

    @Override
    protected PullSource createSource() {
        write("customer.csv", """
                id int key,name nvarchar(50),active bit,credit decimal(9,2),since date
                1,Ada,1,100.50,2020-01-31
                2,"Brown, Bob",0,,2021-06-01
                3,"Say \"\"hi\"\"",true,-3.00,
                """);
        write("order_line.csv", """
                order_id int key,line smallint key,item varchar(20),quantity bigint,at datetime2(3)
                10,1,apple,3,2024-05-01T12:30:00
                10,2,pear,1,2024-05-01T12:30:00.250
                11,1,plum,7,
                """);
        return new CsvDirectorySource(dir, Clock.systemUTC());
    }

    /** A CSV file has no change history: a changed file is always sent whole. */
    @Override
    protected boolean mayRepopulateUnasked() {
        return true;
    }

    /** Step 1 edits a row, step 2 adds and removes rows, later steps add a row out of key order and remove others. */
    @Override
    protected void advanceSource(PullSource source) {
        step++;
        switch (step) {
            case 1 -> write("customer.csv", """
                    id int key,name nvarchar(50),active bit,credit decimal(9,2),since date
                    1,Ada Lovelace,1,100.50,2020-01-31
                    2,"Brown, Bob",0,,2021-06-01
                    3,"Say \"\"hi\"\"",true,-3.00,
                    """);
            case 2 -> write("order_line.csv", """
                    order_id int key,line smallint key,item varchar(20),quantity bigint,at datetime2(3)
                    10,1,apple,4,2024-05-01T12:30:00
                    12,1,fig,2,2024-05-02T08:00:00
                    """);
            default -> write("customer.csv", """
                    id int key,name nvarchar(50),active bit,credit decimal(9,2),since date
                    4,Dan,0,1.25,2022-02-02
                    1,Ada Lovelace,1,100.50,2020-01-31
                    """);
        }
    }

    private void write(String file, String content) {
        written = written.plus(Duration.ofMinutes(1));
        try {
            Path p = Files.writeString(dir.resolve(file), content);
            Files.setLastModifiedTime(p, FileTime.from(written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
