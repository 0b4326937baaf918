package dev.kiln.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The PyTorch reference cases of {@code shared/oracle}, copied into the test resources. */
public final class Oracle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Oracle() {}

  /** The folder of the oracle's resources, e.g. {@code losses} or {@code safetensors}. */
  public static Path folder(String name) {
    URL url = Oracle.class.getResource("/oracle/" + name);
    if (url == null) {
      throw new IllegalStateException("no oracle folder " + name + " on the test class path");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        // Modules that test generated code read the cases out of the runtime's test jar.
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
          // another test opened it first
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case in a folder, in file-name order. */
  public static List<JsonNode> cases(String folder) {
    try (Stream<Path> files = Files.list(folder(folder))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().map(Oracle::read)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case in a folder as test arguments: its name, then the case. */
  public static Stream<Arguments> arguments(String folder) {
    return cases(folder).stream().map(c -> Arguments.of(c.get("name").asText(), c));
  }

  /** One case by name. */
  public static JsonNode get(String folder, String name) {
    return read(folder(folder).resolve(name + ".json"));
  }

  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static float[] floats(JsonNode array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) values[i] = (float) array.get(i).asDouble();
    return values;
  }

  public static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) values[i] = array.get(i).asInt();
    return values;
  }
}
