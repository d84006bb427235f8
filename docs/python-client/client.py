#!/usr/bin/python3
"""A tsos-monitor client in Python, from stubs generated from monitor.proto (see README.md here).

Usage: client.py HOST:PORT TOKEN
Reads Khabarovsk Krai's indicator 2.1 for November 2022, and sends a batch with one bad row as a
dry run, to show how a refusal names every bad row and field (google.rpc.BadRequest in the status details).
"""
import sys

import grpc
from google.rpc import error_details_pb2, status_pb2
from tsos.monitor.v1 import monitor_pb2, monitor_pb2_grpc


def percent(p):
    """A Percent is hundredths of a percent, an integer: 797 is 7.97 %, -203 is -2.03 %."""
    sign, hundredths = ("-" if p.hundredths < 0 else ""), abs(p.hundredths)
    return f"{sign}{hundredths // 100}.{hundredths % 100:02d}"


def main(address, token):
    channel = grpc.insecure_channel(address)
    auth = [("authorization", f"Bearer {token}")]

    statuses = monitor_pb2_grpc.IndicatorStatusesStub(channel)
    s = statuses.GetStatus(monitor_pb2.GetStatusRequest(
        territory=monitor_pb2.TerritoryRef(region="27"), indicator="2.1", month="2022-11"))
    shown = f"{s.numerator} / {s.denominator} = {percent(s.actual)} %" if s.HasField("actual") else "no percent"
    plan = f", plan {percent(s.plan)} %" if s.HasField("plan") else ""
    print(f"{s.territory.region} {s.indicator} {s.month}: {shown}{plan}: "
          f"{monitor_pb2.IndicatorState.Name(s.state)}")

    reports = monitor_pb2_grpc.ReportIngestionStub(channel)
    batch = monitor_pb2.SubmitReportsRequest(
        idempotency_key="python-example-1", dry_run=True,
        reports=[
            monitor_pb2.TerritoryReport(territory=monitor_pb2.TerritoryRef(region="27"), period="2022-11",
                                        counts={"students_with_access": 11869, "students_total": 148870}),
            monitor_pb2.TerritoryReport(territory=monitor_pb2.TerritoryRef(region="27"), period="2022-13",
                                        counts={"students_wth_access": 1}),
        ])
    try:
        reports.SubmitReports(batch, metadata=auth)
        print("the bad batch was accepted: it should not be")
        return 1
    except grpc.RpcError as refused:
        print(f"refused: {refused.code().name}")
        for key, value in refused.trailing_metadata() or ():
            if key == "grpc-status-details-bin":
                details = status_pb2.Status.FromString(value)
                for detail in details.details:
                    bad_request = error_details_pb2.BadRequest()
                    if detail.Unpack(bad_request):
                        for violation in bad_request.field_violations:
                            print(f"  {violation.field}: {violation.description}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
