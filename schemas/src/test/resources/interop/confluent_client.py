"""A Confluent Python client talking to this project's topics (used by ConfluentPythonInteropIT).

It uses what Debian ships: python3-confluent-kafka 1.7 (CachedSchemaRegistryClient, MessageSerializer)
and python3-avro. Keys are plain UTF-8 strings, values Avro in the Confluent wire format under the
subject <topic>-value, exactly as the Java serdes write them.

  produce <bootstrap> <registry-url> <topic> <request-id> <schema-file> <epoch-millis>
  consume <bootstrap> <registry-url> <topic> <request-id>
"""
import json
import sys
import time
from datetime import datetime, timedelta, timezone

from confluent_kafka import Consumer, Producer
from confluent_kafka.avro import CachedSchemaRegistryClient, loads
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def produce(bootstrap, registry_url, topic, request_id, schema_file, epoch_millis):
    registry = CachedSchemaRegistryClient({"url": registry_url})
    serializer = MessageSerializer(registry)
    with open(schema_file) as f:
        schema = loads(f.read())
    received = datetime.fromtimestamp(int(epoch_millis) / 1000, tz=timezone.utc)
    value = {
        "requestId": request_id,
        "requester": "python-client",
        "subjectId": "subject-7",
        "sampleIds": ["s-1", "s-2"],
        "modelId": "fmnist-cnn",
        "legalBasis": "CCPA_DELETION",
        "legalReference": None,
        "receivedAt": received,
        "deadline": received + timedelta(days=30),
        "signature": None,
    }
    payload = serializer.encode_record_with_schema(topic, schema, value)
    producer = Producer({"bootstrap.servers": bootstrap})
    producer.produce(topic, key=request_id.encode("utf-8"), value=payload)
    if producer.flush(30) != 0:
        sys.exit("record not delivered within 30 s")
    print("PRODUCED", request_id, flush=True)


def consume(bootstrap, registry_url, topic, request_id):
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "python-" + request_id,
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([topic])
    deadline = time.time() + 45
    try:
        while time.time() < deadline:
            msg = consumer.poll(0.5)
            if msg is None or msg.error():
                continue
            if msg.key().decode("utf-8") == request_id:
                value = serializer.decode_message(msg.value())
                print("CONSUMED", json.dumps(value, default=str, sort_keys=True), flush=True)
                return
    finally:
        consumer.close()
    sys.exit("no record with key %s within 45 s" % request_id)


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    produce(*args) if mode == "produce" else consume(*args)
