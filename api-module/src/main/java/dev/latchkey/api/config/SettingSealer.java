package dev.latchkey.api.config;

/**
 * Port between storage and the platform master key: seals a sensitive integration setting before it is stored and
 * opens it when it is read. Each value is bound to its integration and attribute, so a sealed value copied to another
 * row does not open. Persistence uses it; the plugin registry implements it; neither imports the other.
 */
public interface SettingSealer {
    /** The sealed value, as text that can be stored. */
    String seal(String integrationId, String attribute, String value);

    /** The value sealed for this integration and attribute. */
    String open(String integrationId, String attribute, String sealed);
}
