package dev.orderly.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords typed in Settings are masked, kept out of console.properties, and stored readable by the user only. */
class SecretsKeptApartTest {

    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("console.properties"), ConsoleSettings.defaults(dir));
    }

    @Test
    void passwordsGoToAnOwnerOnlyFileAndComeBackOnTheNextStart() throws Exception {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), new RecordingClient(),
            new DirectTaskRunner(), true);
        Path trust = Files.writeString(dir.resolve("trust.p12"), "not read here");
        vm.postgresProperty().set(true);
        vm.databaseUrlProperty().set("jdbc:postgresql://db.example:5432/orderly");
        vm.databaseUserProperty().set("orderly");
        vm.databasePasswordProperty().set("db-s3cret");
        vm.externalKafkaProperty().set(true);
        vm.bootstrapServersProperty().set("kafka.example:9093");
        vm.securityProtocolProperty().set("SASL_SSL");
        vm.saslMechanismProperty().set("SCRAM-SHA-512");
        vm.saslUserProperty().set("orderly");
        vm.saslPasswordProperty().set("kafka-\"s3cret\"");
        vm.kafkaTrustStoreProperty().set(trust.toString());
        vm.kafkaTrustStorePasswordProperty().set("trust-s3cret");
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Saved.");

        String settings = Files.readString(store.file());
        assertThat(settings).doesNotContain("s3cret").doesNotContain("password=").contains("kafkaTrustStore=");
        Path secrets = dir.resolve("secrets.properties");
        assertThat(Files.readString(secrets)).contains("db-s3cret").contains("trust-s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(vm.secretsNote()).contains(secrets.toString()).contains("readable by your user only");

        ConsoleSettings restarted = new SettingsStore(store.file(), ConsoleSettings.defaults(dir)).load();
        assertThat(restarted.database().password()).isEqualTo("db-s3cret");
        assertThat(restarted.tls().kafkaTrustStorePassword()).isEqualTo("trust-s3cret");
        assertThat(restarted.kafka().security().saslJaasConfig())
            .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"orderly\" password=\"kafka-\\\"s3cret\\\"\";");
        SettingsViewModel again = new SettingsViewModel(store, restarted, new RecordingClient(),
            new DirectTaskRunner(), true);
        assertThat(again.saslUserProperty().get()).isEqualTo("orderly");
        assertThat(again.saslPasswordProperty().get()).isEqualTo("kafka-\"s3cret\"");
        assertThat(restarted.backendOptions().toArguments()).contains("--spring.kafka.security.protocol=SASL_SSL",
            "--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
            "--spring.kafka.ssl.trust-store-location=" + trust.toUri(), "--spring.kafka.ssl.trust-store-type=PKCS12",
            "--spring.kafka.ssl.trust-store-password=trust-s3cret");
        assertThat(restarted.tls().toString()).doesNotContain("s3cret");
    }

    @Test
    void anOlderSettingsFileHasItsPasswordsMovedOutWhenRead() throws Exception {
        Files.writeString(dir.resolve("console.properties"), """
            attach=false
            databaseUrl=jdbc\\:postgresql\\://db.example\\:5432/orderly
            databaseUser=orderly
            databasePassword=old-s3cret
            """ + "saslJaasConfig=org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username\\=\"u\" password\\=\"p1\";\n");
        ConsoleSettings loaded = store().load();
        assertThat(loaded.database().password()).isEqualTo("old-s3cret");
        assertThat(KafkaSasl.password(loaded.kafka().security().saslJaasConfig())).isEqualTo("p1");
        assertThat(Files.readString(dir.resolve("console.properties"))).doesNotContain("old-s3cret")
            .doesNotContain("p1").contains("databaseUser=orderly");
        assertThat(Files.readString(dir.resolve("secrets.properties"))).contains("old-s3cret");
    }

    @Test
    void aMissingCertificateStoreOrASaslMechanismWithoutUserIsRefused() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), new RecordingClient(),
            new DirectTaskRunner(), true);
        vm.backendTrustStoreProperty().set(dir.resolve("nope.p12").toString());
        vm.saslMechanismProperty().set("PLAIN");
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Not saved").contains("nope.p12")
            .contains("SASL PLAIN needs a user name");
        assertThat(store.file()).doesNotExist();
    }
}
