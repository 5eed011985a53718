package com.example.mirror.csv;

import dev.mirror.api.PluginContext;
import dev.mirror.api.SpiVersion;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.PullSourceProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Entry point of the {@code csv-directory} pull source, listed in
 * {@code META-INF/services/dev.mirror.api.source.PullSourceProvider}. Enabled with
 * <pre>
 * context: Shop1
 * source:
 *   type: csv-directory
 *   directory: /data/shop1      # each *.csv file in it is a table
 * </pre>
 */
public final class CsvSourceProvider implements PullSourceProvider {
    @Override
    public String name() {
        return "csv-directory";
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public PullSource create(PluginContext context) {
        PluginConfig config = context.config();
        String directory = config.requiredString("directory");
        Path dir = Paths.get(directory.isBlank() ? "." : directory);
        // Checked now so that a typo is reported with every other configuration problem, before the first cycle.
        if (!directory.isBlank() && !Files.isDirectory(dir)) {
            config.problem("directory", "'" + directory + "' is not a directory: give the folder that holds the "
                    + "CSV files, e.g. /data/shop1");
        }
        return new CsvDirectorySource(dir, context.clock());
    }
}
