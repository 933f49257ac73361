package dev.latchkey.api.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link Instant} as an {@link OffsetDateTime} in UTC. EclipseLink 5.0.1 cannot read the
 * {@code TIMESTAMP WITH TIME ZONE} values H2 returns into an {@code Instant} directly (ConversionException 3002),
 * while {@code OffsetDateTime} is a type JPA maps natively on H2 and PostgreSQL alike.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {
    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
