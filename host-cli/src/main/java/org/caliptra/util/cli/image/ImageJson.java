package org.caliptra.util.cli.image;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.keys.LmsSignature;

/**
 * JSON for image reports: every record component becomes a snake_case field, byte strings become
 * lower-case hex, integers stay integers.
 */
public final class ImageJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule()
                    .addSerializer(Octets.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Octets value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(value.hex());
                        }
                    })
                    .addSerializer(LmsSignature.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(LmsSignature value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeStartObject();
                            gen.writeNumberField("q", value.q());
                            gen.writeNumberField("ots_type", value.otsType());
                            gen.writeNumberField("lms_type", value.lmsType());
                            gen.writeStringField("bytes", value.bytes().hex());
                            gen.writeEndObject();
                        }
                    }))
            .build();

    private ImageJson() {}

    public static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
