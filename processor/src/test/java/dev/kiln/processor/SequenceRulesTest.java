package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Diagnostics.assertClean;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Diagnostics.assertWarning;
import static dev.kiln.processor.Sources.compile;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Sequence models' rules in javac: heads that divide the dim, a vocabulary the padding index is in, an
 * embedding first in a token model and nowhere else, sequence layers on sequences only, and the rules of
 * vectors holding through sequences.
 */
class SequenceRulesTest {
  private static final String HEADER = "@Model @Input(tokens = 24, vocabulary = 64) @Loss(CROSS_ENTROPY)";

  @Test
  void theContractsModelCompilesCleanly() {
    assertClean(model("WordLanguage",
        "@Model",
        "@Input(tokens = 24, vocabulary = 64)",
        "@Loss(CROSS_ENTROPY)",
        "public interface WordLanguage {",
        "  @Embedding(dim = 64, paddingIndex = 0)                 Layer tokens();",
        "  @PositionEmbedding                                     Layer positions();",
        "  @TransformerEncoderLayer(heads = 4, feedforward = 128) Layer layer0();",
        "  @TransformerEncoderLayer(heads = 4, feedforward = 128) Layer layer1();",
        "  @SequencePool(SequencePooling.FIRST)                   Layer cls();",
        "  @Linear(out = 5)                                       Layer head();",
        "}"));
  }

  @Test
  void headsThatDoNotDivideTheDimAreAnErrorNamingTheNearestThatDo() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 30) Layer tokens();",
            "  @TransformerEncoderLayer(heads = 4, feedforward = 16) Layer layer0();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:heads-do-not-divide] @TransformerEncoderLayer(heads = 4) on layer0() does not divide the 30 values"
            + " of each position: each head takes dim / heads of them. Use heads = 3 or 5, or change the dim",
        "heads = 4");
  }

  @Test
  void selfAttentionsHeadsAreCheckedAgainstTheDimToo() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @SelfAttention(heads = 3) Layer attention();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:heads-do-not-divide] @SelfAttention(heads = 3) on attention() does not divide the 8 values of each"
            + " position: each head takes dim / heads of them. Use heads = 2 or 4, or change the dim",
        "heads = 3");
  }

  @Test
  void zeroHeadsIsNotASize() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @SelfAttention(heads = 0) Layer attention();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:size-not-positive] @SelfAttention(heads = 0) on attention() is not a size; sizes are at least 1",
        "heads = 0");
  }

  @Test
  void aFeedforwardWidthBelowOneIsNotASize() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @TransformerEncoderLayer(heads = 2, feedforward = 0) Layer layer0();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:size-not-positive] @TransformerEncoderLayer(feedforward = 0) on layer0() is not a size",
        "feedforward = 0");
  }

  @Test
  void anEmbeddingDimBelowOneIsNotASize() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = -4) Layer tokens();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:size-not-positive] @Embedding(dim = -4) on tokens() is not a size", "dim = -4");
  }

  @Test
  void dropoutOfOneIsNotAProbabilityOfDropping() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @TransformerEncoderLayer(heads = 2, feedforward = 8, dropout = 1f) Layer layer0();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:sequence-dropout] @TransformerEncoderLayer(dropout = 1.0) on layer0() is not a probability of"
            + " dropping; dropout is in [0, 1)",
        "dropout = 1f");
  }

  @Test
  void aPaddingIndexOutsideTheVocabularyIsAnErrorOnIt() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8, paddingIndex = 64) Layer tokens();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:padding-index-out-of-range] @Embedding(paddingIndex = 64) on tokens() is not a token id of the"
            + " vocabulary of 64. Use an id in [0, 64), or -1 for no padding",
        "paddingIndex = 64");
  }

  @Test
  void aVocabularyOfZeroIsNotASize() {
    assertError(model("Net",
            "@Model @Input(tokens = 24, vocabulary = 0) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:input-size-not-positive] @Input(vocabulary = 0) is not a size; sizes are at least 1",
        "vocabulary = 0");
  }

  @Test
  void tokensWithoutAVocabularyAreIncomplete() {
    assertError(model("Net",
            "@Model @Input(tokens = 24) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:input-incomplete] @Input(tokens = ...) needs vocabulary too. Add @Input(tokens = ..., vocabulary ="
            + " ...)",
        "@Input(tokens = 24)");
  }

  @Test
  void tokensMixedWithFeaturesAreOneFormTooMany() {
    assertError(model("Net",
            "@Model @Input(tokens = 24, vocabulary = 64, features = 8) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:input-mixed-forms] @Input mixes the tokens form with features", "@Input(tokens = 24");
  }

  @Test
  void aSequenceMixedWithMapsIsOneFormTooMany() {
    assertError(model("Net",
            "@Model @Input(length = 4, features = 8, channels = 1) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:input-mixed-forms] @Input mixes the sequence form with channels, height, width",
        "@Input(length = 4");
  }

  @Test
  void aTokenModelThatDoesNotStartWithAnEmbeddingIsAnError() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Linear(out = 8) Layer hidden();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:tokens-without-embedding] @Linear on hidden() receives the token ids of @Input(tokens = 24,"
            + " vocabulary = 64); a token model starts with @Embedding(dim = ...). Add an @Embedding member before"
            + " hidden()",
        "Layer hidden()");
  }

  @Test
  void anEmbeddingAfterTheFirstMemberIsAnError() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @Embedding(dim = 8) Layer again();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:embedding-not-on-tokens] @Embedding on again() reads token ids, and receives a sequence of 24 x 8",
        "Layer again()");
  }

  @Test
  void anEmbeddingInAModelOfFeaturesIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 8) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:embedding-not-on-tokens] @Embedding on tokens() reads token ids, and receives 8 features",
        "Layer tokens()");
  }

  @Test
  void attentionOnAVectorIsAnError() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @SequencePool(SequencePooling.FIRST) Layer cls();",
            "  @SelfAttention(heads = 2) Layer attention();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:not-a-sequence] @SelfAttention on attention() works on a sequence [length x dim], and receives 8"
            + " features",
        "Layer attention()");
  }

  @Test
  void aPositionEmbeddingOnAVectorIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 8) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @PositionEmbedding Layer positions();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:not-a-sequence] @PositionEmbedding on positions() works on a sequence", "Layer positions()");
  }

  @Test
  void poolingAVectorIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 8) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Linear(out = 8) Layer hidden();",
            "  @SequencePool(SequencePooling.MAX) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:not-a-sequence] @SequencePool on pool() works on a sequence", "Layer pool()");
  }

  @Test
  void attentionFirstWithoutInputSaysWhatToDeclare() {
    assertError(model("Net",
            "@Model @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @SelfAttention(heads = 2) Layer attention();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:sequence-without-input] @SelfAttention on attention() works on a sequence, and nothing flows into"
            + " it", "Layer attention()");
  }

  @Test
  void aConvolutionOnASequenceIsAnError() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @Conv2d(out = 4, kernel = 3) Layer conv();",
            "  @Flatten Layer flat();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:maps-on-sequence] @Conv2d on conv() reads feature maps, and receives a sequence of 24 x 8, which has"
            + " no height and width",
        "Layer conv()");
  }

  @Test
  void aPoolOfMapsOnASequenceIsAnError() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @MaxPool2d(kernel = 2) Layer pool();",
            "  @Flatten Layer flat();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:maps-on-sequence] @MaxPool2d on pool() reads feature maps", "Layer pool()");
  }

  @Test
  void flatteningASequenceGivesLengthTimesDimFeatures() {
    assertClean(model("Net", HEADER,
        "public interface Net {",
        "  @Embedding(dim = 8) Layer tokens();",
        "  @Flatten Layer flat();",
        "  @Linear(in = 192, out = 2) Layer head();",
        "}"));
  }

  @Test
  void aPerPositionLinearWhoseInIsNotTheDimIsAnError() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @Linear(in = 192, out = 4) Layer project();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:position-in-mismatch] @Linear(in = 192) on project() does not match the sequence of 24 x 8 it"
            + " receives, which it applies to position by position. Use in = 8, or leave in out",
        "in = 192");
  }

  @Test
  void batchNormOnASequenceIsNotPerPositionYet() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @BatchNorm1d Layer norm();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:per-position-not-supported] @BatchNorm1d on norm() receives a sequence of 24 x 8", "Layer norm()");
  }

  @Test
  void causalAttentionBeforeAFirstPoolIsAWarningNamingBoth() {
    assertWarning(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8) Layer tokens();",
            "  @TransformerEncoderLayer(heads = 2, feedforward = 8, causal = true) Layer layer0();",
            "  @SequencePool(SequencePooling.FIRST) Layer cls();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:causal-first-pool] @SequencePool(FIRST) on cls() pools the first position, which the causal"
            + " attention of layer0() lets see only itself. Use MEAN or MAX, or drop causal",
        "Layer cls()");
  }

  @Test
  void softmaxBeforeCrossEntropyOnABertStyleHeadIsTheErrorItIsOnAnMlp() {
    assertError(model("Net", HEADER,
            "public interface Net {",
            "  @Embedding(dim = 8, paddingIndex = 0) Layer tokens();",
            "  @TransformerEncoderLayer(heads = 2, feedforward = 8) Layer layer0();",
            "  @SequencePool(SequencePooling.FIRST) Layer cls();",
            "  @Linear(out = 5) @Softmax Layer head();",
            "}"),
        "[kiln:softmax-before-cross-entropy] @Softmax on head() feeds @Loss(CROSS_ENTROPY)", "@Softmax");
  }

  @Test
  void anEmbeddingTooLargeForAJavaArrayIsAnError() {
    assertError(model("Net",
            "@Model @Input(tokens = 4, vocabulary = 1000000) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Embedding(dim = 4096) Layer tokens();",
            "  @SequencePool(SequencePooling.MEAN) Layer pool();",
            "  @Linear(out = 2) Layer head();",
            "}"),
        "[kiln:tensor-too-large] @Embedding on tokens() makes tokens.weight [1000000 x 4096]", "Layer tokens()");
  }

  @Test
  void allProblemsOfASequenceModelComeOutInOneCompile() {
    Compilation compilation = compile(model("Net",
        "@Model @Input(tokens = 24, vocabulary = 64) @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Embedding(dim = 30, paddingIndex = 70) Layer tokens();",
        "  @SelfAttention(heads = 4, dropout = 2f) Layer attention();",
        "  @SequencePool(SequencePooling.MEAN) Layer pool();",
        "  @Linear(out = 2) Layer head();",
        "}"));
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[kiln:padding-index-out-of-range]");
    assertThat(compilation).hadErrorContaining("[kiln:heads-do-not-divide]");
    assertThat(compilation).hadErrorContaining("[kiln:sequence-dropout]");
  }
}
