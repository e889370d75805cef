package io.matgrad.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark in this JVM, as the tests run it: no web UI, bound to the loopback address. */
final class LocalSpark {
    private LocalSpark() {}

    static SparkConf conf(String master, String name) {
        return new SparkConf()
                .setMaster(master)
                .setAppName(name)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }

    static JavaSparkContext start(String master, String name) {
        return new JavaSparkContext(conf(master, name));
    }
}
