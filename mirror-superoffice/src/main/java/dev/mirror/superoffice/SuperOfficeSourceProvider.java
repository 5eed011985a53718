package dev.mirror.superoffice;

import dev.mirror.api.PluginContext;
import dev.mirror.api.SpiVersion;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.PushSourceProvider;

/**
 * The {@code superoffice} change source: a SOAP endpoint implementing SuperOffice's
 * IMirroringClientService, to which SuperOffice CRM Online pushes a tenant's database. Configuration keys:
 * {@code port}, {@code bindAddress}, {@code path}, {@code tls.keystore}, {@code tls.keystorePassword},
 * {@code applicationId}, {@code privateKeyFile}, {@code superOfficeCertificates}, {@code allowedClockSkewSeconds},
 * {@code primaryKey} (table → columns), {@code replicationPaused}, {@code maxRequestBytes}, {@code threads},
 * {@code allowedContexts} (the tenants that may push; core enforces it), {@code publicUrl} (the address the WSDL names).
 */
public final class SuperOfficeSourceProvider implements PushSourceProvider {
    @Override
    public String name() {
        return "superoffice";
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public PushSource create(PluginContext context) {
        return new SuperOfficeSource(SuperOfficeConfig.from(context.config()), context.clock());
    }
}
