package dev.kiln.processor.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.kiln.processor.KilnProcessor;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.runtime.testing.GradientChecker;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Random declarations, sound and not: the processor never crashes; every declaration it accepts
 * compiles, and its trainer's gradients match finite differences; every one it rejects has an error
 * inside the declaration. {@code -Dkiln.property.count} runs more, {@code -Dkiln.property.seed} others.
 */
class RandomDeclarationsPropertyTest {
  private static final int COUNT = Integer.getInteger("kiln.property.count", 300);
  private static final long SEED = Long.getLong("kiln.property.seed", 20261122L);

  @Test
  void everyDeclarationIsEitherTrainedCorrectlyOrRejectedInItsSource() throws Exception {
    int accepted = 0;
    int acceptedConvolutional = 0;
    int rejected = 0;
    for (int i = 0; i < COUNT; i++) {
      long seed = SEED + i;
      String source = RandomDeclaration.source(seed);
      JavaFileObject file = JavaFileObjects.forSourceString(RandomDeclaration.PACKAGE + "." + RandomDeclaration.NAME,
          source);
      Compilation compilation = Compiler.javac().withProcessors(new KilnProcessor()).compile(file);
      String where = "declaration " + seed + " (-Dkiln.property.seed=" + seed + " -Dkiln.property.count=1):\n" + source;
      for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
        if (d.getMessage(null).contains("[kiln:internal-error]")) fail("the processor crashed on " + where + "\n" + d);
      }
      if (compilation.status() == Compilation.Status.SUCCESS) {
        accepted++;
        if (source.contains("@Input(")) acceptedConvolutional++;
        checkGradients(compilation, where);
      } else {
        rejected++;
        boolean inSource = compilation.errors().stream()
            .anyMatch(d -> d.getSource() != null && d.getSource().toUri().equals(file.toUri()) && d.getLineNumber() > 0);
        assertTrue(inSource, "no error inside the declaration for " + where + "\n" + compilation.errors());
      }
    }
    System.out.printf("%d random declarations from seed %d: %d accepted and gradient-checked (%d of them"
        + " convolutional), %d rejected%n", COUNT, SEED, accepted, acceptedConvolutional, rejected);
    assertEquals(COUNT, accepted + rejected);
    if (COUNT >= 100) {
      assertTrue(accepted >= COUNT / 5 && rejected >= COUNT / 10,
          "the generator should produce both kinds: " + accepted + " accepted, " + rejected + " rejected");
      assertTrue(acceptedConvolutional >= COUNT / 20, "too few convolutional stacks accepted: " + acceptedConvolutional);
    }
  }

  private static void checkGradients(Compilation compilation, String where) throws Exception {
    ClassLoader loader = new GeneratedClassLoader(compilation);
    Class<?> modelClass = loader.loadClass(RandomDeclaration.PACKAGE + "." + RandomDeclaration.NAME + "Model");
    KilnModel model = (KilnModel) modelClass.getMethod("create", long.class).invoke(null, 5L);
    Supplier<KilnTrainer> trainers = trainers(model, modelClass);
    Batch batch = Batch.random(model, trainers.get(), 3, 9);
    List<String> mismatches = GradientChecker.mismatches(model, trainers, batch::step);
    assertEquals(List.of(), mismatches, "gradients of " + where);
  }

  /** Trainers at learning rate 0; with dropout, all seeded alike so that they draw the same masks. */
  private static Supplier<KilnTrainer> trainers(KilnModel model, Class<?> modelClass) throws NoSuchMethodException {
    Method seeded;
    try {
      seeded = modelClass.getMethod("trainer", Optimizer.class, long.class);
    } catch (NoSuchMethodException noDropout) {
      return () -> model.trainer(Sgd.lr(0f));
    }
    return () -> {
      try {
        return (KilnTrainer) seeded.invoke(model, Sgd.lr(0f), 3L);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
